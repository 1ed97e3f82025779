package dev.crmkit.core.common;

/** A record with the same unique key already exists. */
public class DuplicateException extends CrmException {
    public DuplicateException(String message) {
        super(message);
    }

    /** With the storage's own report of the clash (e.g. the driver's exception) as the cause. */
    public DuplicateException(String message, Throwable cause) {
        super(message, cause);
    }
}
