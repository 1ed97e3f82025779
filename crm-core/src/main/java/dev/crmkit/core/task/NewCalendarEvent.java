package dev.crmkit.core.task;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Set;

/** What a user gives to schedule a calendar event; they become its organizer. Kind, title, start and end are required. */
public record NewCalendarEvent(CalendarEventKind kind, String title, String location, Instant start, Instant end,
                               Set<UserId> attendees, Set<ContactId> contacts, Subject subject) {

    public static NewCalendarEvent of(CalendarEventKind kind, String title, Instant start, Instant end) {
        return new NewCalendarEvent(kind, title, null, start, end, Set.of(), Set.of(), null);
    }

    public NewCalendarEvent at(String l) {
        return new NewCalendarEvent(kind, title, l, start, end, attendees, contacts, subject);
    }

    public NewCalendarEvent withAttendees(UserId... users) {
        return new NewCalendarEvent(kind, title, location, start, end, Set.of(users), contacts, subject);
    }

    public NewCalendarEvent withContacts(ContactId... people) {
        return new NewCalendarEvent(kind, title, location, start, end, attendees, Set.of(people), subject);
    }

    public NewCalendarEvent about(Subject s) {
        return new NewCalendarEvent(kind, title, location, start, end, attendees, contacts, s);
    }
}
