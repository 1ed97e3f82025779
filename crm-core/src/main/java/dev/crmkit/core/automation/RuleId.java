package dev.crmkit.core.automation;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies a workflow rule. */
public record RuleId(UUID value) implements EntityId {
    public RuleId {
        Objects.requireNonNull(value, "RuleId");
    }

    public static RuleId of(UUID value) {
        return new RuleId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static RuleId parse(String text) {
        try {
            return new RuleId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("RuleId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
