package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a team of sales reps with one manager. */
public record TeamId(UUID value) implements EntityId, Ref<TeamId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public TeamId id() {
        return this;
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
