package dev.crmkit.core.nurture;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies a nurture sequence. */
public record SequenceId(UUID value) implements EntityId {
    public SequenceId {
        Objects.requireNonNull(value, "SequenceId");
    }

    public static SequenceId of(UUID value) {
        return new SequenceId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static SequenceId parse(String text) {
        try {
            return new SequenceId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("SequenceId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
