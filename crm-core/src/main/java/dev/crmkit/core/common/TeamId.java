package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a team of sales reps with one manager. */
public record TeamId(UUID value) implements EntityId {
    public TeamId {
        Objects.requireNonNull(value, "TeamId");
    }

    public static TeamId of(UUID value) {
        return new TeamId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static TeamId parse(String text) {
        return new TeamId(Ids.parse(text, "TeamId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
