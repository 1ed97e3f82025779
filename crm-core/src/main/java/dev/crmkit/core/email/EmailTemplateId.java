package dev.crmkit.core.email;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies an email template. */
public record EmailTemplateId(UUID value) implements EntityId {
    public EmailTemplateId {
        Objects.requireNonNull(value, "EmailTemplateId");
    }

    public static EmailTemplateId of(UUID value) {
        return new EmailTemplateId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static EmailTemplateId parse(String text) {
        try {
            return new EmailTemplateId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("EmailTemplateId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
