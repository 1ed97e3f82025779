package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a recorded touchpoint. */
public record TouchpointId(UUID value) implements EntityId {
    public TouchpointId {
        Objects.requireNonNull(value, "TouchpointId");
    }

    public static TouchpointId of(UUID value) {
        return new TouchpointId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static TouchpointId parse(String text) {
        return new TouchpointId(Ids.parse(text, "TouchpointId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
