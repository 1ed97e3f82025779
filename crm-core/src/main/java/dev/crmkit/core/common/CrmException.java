package dev.crmkit.core.common;

/** Root of every exception CRMKit throws; unchecked so host code handles only what it cares about. */
public abstract class CrmException extends RuntimeException {
    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
