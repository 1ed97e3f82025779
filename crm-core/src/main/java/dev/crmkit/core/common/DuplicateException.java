package dev.crmkit.core.common;

/** A record with the same unique key already exists. */
public class DuplicateException extends CrmException {
    public DuplicateException(String message) {
        super(message);
    }
}
