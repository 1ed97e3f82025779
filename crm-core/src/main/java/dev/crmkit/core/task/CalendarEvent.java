package dev.crmkit.core.task;

import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A meeting, call or visit in the calendar: from {@code start} (inclusive) to {@code end} (exclusive), organized by
 * one user, attended by users and by contacts, optionally about a {@link Subject}. Cancelled events stay stored
 * but leave calendars. With {@code reminderBefore}, its organizer and attendees are alerted that long before the
 * start ({@link CalendarService#fireDueReminders}); {@code reminderFiredAt} says when that happened for the current
 * start.
 */
public record CalendarEvent(
        CalendarEventId id,
        long version,
        CalendarEventKind kind,
        String title,
        @Nullable String location,
        Instant start,
        Instant end,
        UserId organizer,
        Set<UserId> attendees,
        Set<ContactId> contacts,
        @Nullable Subject subject,
        boolean cancelled,
        @Nullable Duration reminderBefore,
        @Nullable Instant reminderFiredAt,
        Instant createdAt,
        Instant updatedAt) implements Versioned<CalendarEventId, CalendarEvent> {

    public CalendarEvent {
        // Every adapter keeps microseconds: cut here, so memory reads back what a database would.
        start = Validation.storable(start);
        end = Validation.storable(end);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attendees = attendees == null ? Set.of() : Set.copyOf(attendees);
        contacts = contacts == null ? Set.of() : Set.copyOf(contacts);
    }

    /**
     * This event without the contact {@code erased} and with its title and location passed through {@code scrub}
     * (an erasure keeps the rep's calendar).
     */
    public CalendarEvent redacted(@Nullable ContactId erased, UnaryOperator<String> scrub) {
        Set<ContactId> others = new LinkedHashSet<>(contacts);
        if (erased != null) {
            others.remove(erased);
        }
        return new CalendarEvent(id, version, kind, scrub.apply(title), location == null ? null : scrub.apply(location),
                start, end, organizer, attendees, others, subject, cancelled, reminderBefore, reminderFiredAt,
                createdAt, updatedAt);
    }

    /** When the reminder is due, or null without one. */
    public @Nullable Instant remindAt() {
        return reminderBefore == null ? null : start.minus(reminderBefore);
    }

    /** True when the event has a reminder that has not fired for its current start and it is not cancelled. */
    public boolean reminderPending() {
        return reminderBefore != null && reminderFiredAt == null && !cancelled;
    }

    /** A copy whose reminder fired at {@code now}. */
    CalendarEvent reminderFired(Instant now) {
        return new CalendarEvent(id, version, kind, title, location, start, end, organizer, attendees, contacts,
                subject, cancelled, reminderBefore, now, createdAt, updatedAt);
    }

    /** The users to alert: the organizer, then the attendees. */
    public Set<UserId> involved() {
        Set<UserId> users = new LinkedHashSet<>();
        users.add(organizer);
        users.addAll(attendees);
        return users;
    }

    /** True when {@code user} organizes or attends. */
    public boolean involves(UserId user) {
        return organizer.equals(user) || attendees.contains(user);
    }

    /** True when the event takes up some time in [{@code from}, {@code to}). */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /** A copy about {@code newSubject} (null: about nothing), e.g. when the lead it was about is converted. */
    public CalendarEvent withSubject(Subject newSubject, Instant now) {
        return new CalendarEvent(id, version, kind, title, location, start, end, organizer, attendees, contacts,
                newSubject, cancelled, reminderBefore, reminderFiredAt, createdAt, now);
    }

    /** A copy moved to [{@code newStart}, {@code newEnd}); its reminder fires again for the new start. */
    public CalendarEvent movedTo(Instant newStart, Instant newEnd, Instant now) {
        return new CalendarEvent(id, version, kind, title, location, newStart, newEnd, organizer, attendees, contacts,
                subject, cancelled, reminderBefore, null, createdAt, now);
    }

    public CalendarEvent cancel(Instant now) {
        return new CalendarEvent(id, version, kind, title, location, start, end, organizer, attendees, contacts,
                subject, true, reminderBefore, reminderFiredAt, createdAt, now);
    }

    @Override
    public CalendarEvent withVersion(long newVersion) {
        return new CalendarEvent(id, newVersion, kind, title, location, start, end, organizer, attendees, contacts,
                subject, cancelled, reminderBefore, reminderFiredAt, createdAt, updatedAt);
    }
}
