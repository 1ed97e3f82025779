package dev.crmkit.core.task;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user gives to schedule a calendar event; they become its organizer. Kind, title, start and end are required;
 * {@code reminderBefore} (whole minutes, at most 30 days) alerts the organizer and attendees that long before the start.
 */
public record NewCalendarEvent(CalendarEventKind kind, String title, @Nullable String location, Instant start,
                               Instant end, Set<UserId> attendees, Set<ContactId> contacts, @Nullable Subject subject,
                               @Nullable Duration reminderBefore) {

    public static NewCalendarEvent of(CalendarEventKind kind, String title, Instant start, Instant end) {
        return new NewCalendarEvent(kind, title, null, start, end, Set.of(), Set.of(), null, null);
    }

    public NewCalendarEvent at(String l) {
        return new NewCalendarEvent(kind, title, l, start, end, attendees, contacts, subject, reminderBefore);
    }

    public NewCalendarEvent withAttendees(UserId... users) {
        return new NewCalendarEvent(kind, title, location, start, end, Set.of(users), contacts, subject,
                reminderBefore);
    }

    public NewCalendarEvent withContacts(ContactId... people) {
        return new NewCalendarEvent(kind, title, location, start, end, attendees, Set.of(people), subject,
                reminderBefore);
    }

    /** Alerts the organizer and attendees {@code before} the start. */
    public NewCalendarEvent remindBefore(Duration before) {
        return new NewCalendarEvent(kind, title, location, start, end, attendees, contacts, subject, before);
    }

    public NewCalendarEvent about(Subject s) {
        return new NewCalendarEvent(kind, title, location, start, end, attendees, contacts, s, reminderBefore);
    }
}
