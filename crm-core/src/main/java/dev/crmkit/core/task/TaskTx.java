package dev.crmkit.core.task;

import dev.crmkit.core.spi.Tx;

/**
 * The storage transaction as this capability sees it: the repositories of tasks, teams and the calendar, and a
 * port that checks what a task is about.
 */
public interface TaskTx extends Tx {
    TaskRepository tasks();

    TeamRepository teams();

    CalendarEventRepository calendarEvents();

    /** Whether the record a task or calendar event names exists. */
    SubjectLookup subjects();
}
