package dev.crmkit.core.task;

import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;

/**
 * Storage port for calendar events; lookups go through indexes on the involved users (organizer and attendees), the
 * contacts and the subject. Lists are ordered by start, then id, and include cancelled events.
 */
public interface CalendarEventRepository extends Repository<CalendarEventId, CalendarEvent> {
    /** Events {@code user} organizes or attends that overlap [{@code from}, {@code to}). */
    List<CalendarEvent> findByUserBetween(UserId user, Instant from, Instant to);

    List<CalendarEvent> findByContact(ContactId contact);

    List<CalendarEvent> findBySubject(Subject subject);

    /** Events whose reminder is pending ({@link CalendarEvent#reminderPending}) and due by {@code dueBy}. */
    List<CalendarEvent> findPendingReminders(Instant dueBy);

    @Override
    default String kind() {
        return "CalendarEvent";
    }
}
