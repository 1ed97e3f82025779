package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a saved segment. */
public record SegmentId(UUID value) implements EntityId {
    public SegmentId {
        Objects.requireNonNull(value, "SegmentId");
    }

    public static SegmentId of(UUID value) {
        return new SegmentId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static SegmentId parse(String text) {
        return new SegmentId(Ids.parse(text, "SegmentId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
