package dev.crmkit.core.nurture;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies one person's enrollment in a nurture sequence. */
public record EnrollmentId(UUID value) implements EntityId {
    public EnrollmentId {
        Objects.requireNonNull(value, "EnrollmentId");
    }

    public static EnrollmentId of(UUID value) {
        return new EnrollmentId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static EnrollmentId parse(String text) {
        try {
            return new EnrollmentId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("EnrollmentId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
