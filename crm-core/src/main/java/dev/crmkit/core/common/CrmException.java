package dev.crmkit.core.common;

import org.jspecify.annotations.Nullable;

/** Root of every exception CRMKit throws; unchecked so host code handles only what it cares about. */
public abstract class CrmException extends RuntimeException {
    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
