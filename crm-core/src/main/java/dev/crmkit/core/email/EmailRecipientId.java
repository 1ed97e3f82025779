package dev.crmkit.core.email;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies the email record of one address of a tenant. */
public record EmailRecipientId(UUID value) implements EntityId {
    public EmailRecipientId {
        Objects.requireNonNull(value, "EmailRecipientId");
    }

    public static EmailRecipientId of(UUID value) {
        return new EmailRecipientId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static EmailRecipientId parse(String text) {
        try {
            return new EmailRecipientId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("EmailRecipientId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
