package dev.crmkit.core.email;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies an email sent (or waiting to be sent) by the email service. */
public record SentEmailId(UUID value) implements EntityId {
    public SentEmailId {
        Objects.requireNonNull(value, "SentEmailId");
    }

    public static SentEmailId of(UUID value) {
        return new SentEmailId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static SentEmailId parse(String text) {
        try {
            return new SentEmailId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("SentEmailId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
