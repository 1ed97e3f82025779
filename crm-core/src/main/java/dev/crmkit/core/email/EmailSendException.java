package dev.crmkit.core.email;

import dev.crmkit.core.common.CrmException;

/**
 * An email could not be handed on. {@link #permanent()} is true when trying again will not help (the server refused
 * the recipient or the message, 5xx); false for a connection failure or a temporary refusal (4xx).
 */
public class EmailSendException extends CrmException {
    private final boolean permanent;

    public EmailSendException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public EmailSendException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Whether sending this message again would fail the same way. */
    public boolean permanent() {
        return permanent;
    }
}
