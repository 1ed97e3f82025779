package dev.crmkit.core.task;

/** What a calendar event is. */
public enum CalendarEventKind {
    MEETING, CALL, VISIT
}
