package dev.crmkit.core.common;

/** The calling actor lacks the role this operation needs. */
public class AccessDeniedException extends CrmException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
