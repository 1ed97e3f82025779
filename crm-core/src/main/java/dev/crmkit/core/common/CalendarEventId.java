package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a calendar event (meeting, call or visit). */
public record CalendarEventId(UUID value) implements EntityId, Ref<CalendarEventId> {
    public CalendarEventId {
        Objects.requireNonNull(value, "CalendarEventId");
    }

    public static CalendarEventId of(UUID value) {
        return new CalendarEventId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static CalendarEventId parse(String text) {
        return new CalendarEventId(Ids.parse(text, "CalendarEventId"));
    }

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public CalendarEventId id() {
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
