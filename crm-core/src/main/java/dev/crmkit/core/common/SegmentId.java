package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a saved segment. */
public record SegmentId(UUID value) implements EntityId, Ref<SegmentId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public SegmentId id() {
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
