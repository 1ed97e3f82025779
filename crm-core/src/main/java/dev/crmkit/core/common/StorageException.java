package dev.crmkit.core.common;

/** The storage adapter failed for a reason that is not the caller's input (connection lost, constraint bug). */
public class StorageException extends CrmException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
