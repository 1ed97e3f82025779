package dev.crmkit.core.task;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;

/** Events of tasks, reminders, teams and the calendar, published after the write that caused them committed. */
public sealed interface TaskEvent extends DomainEvent {

    /** A task was created; {@code task.followUpOf()} is set for a follow-up. */
    record TaskCreated(TenantId tenant, Instant occurredAt, Task task) implements TaskEvent {
    }

    /** A task was handed from {@code previous} to {@code task.assignee()}. */
    record TaskReassigned(TenantId tenant, Instant occurredAt, Task task, UserId previous) implements TaskEvent {
    }

    /** A task's due time or reminder changed. */
    record TaskRescheduled(TenantId tenant, Instant occurredAt, Task task) implements TaskEvent {
    }

    /** A task was done or cancelled: {@code task.status()} says which. */
    record TaskClosed(TenantId tenant, Instant occurredAt, Task task) implements TaskEvent {
    }

    /** An open task's due time passed ({@code TaskService.fireOverdue}): once per task and due time. */
    record TaskOverdue(TenantId tenant, Instant occurredAt, Task task) implements TaskEvent {
    }

    /** A task's reminder fell due: alert {@code reminder.assignee()}. Published once per reminder time. */
    record ReminderDue(TenantId tenant, Instant occurredAt, Reminder reminder) implements TaskEvent {
    }

    /**
     * An alert for a person (a workflow rule's {@code alert} action): delivered to the host's {@link Notifier} by the
     * durable subscriber {@link AlertSubscriber#NAME} when the CRM was built with one.
     */
    record AlertRaised(TenantId tenant, Instant occurredAt, Notifier.Alert alert) implements TaskEvent {
    }

    /** A calendar event's reminder fell due: alert {@code user}, its organizer or an attendee. Once per user and start. */
    record CalendarReminderDue(TenantId tenant, Instant occurredAt, CalendarEvent event, UserId user)
            implements TaskEvent {
    }

    /** A team was created or its manager or members changed. */
    record TeamSaved(TenantId tenant, Instant occurredAt, Team team) implements TaskEvent {
    }

    /** A calendar event was scheduled ({@code event.version()} 1), moved, or cancelled. */
    record CalendarEventSaved(TenantId tenant, Instant occurredAt, CalendarEvent event) implements TaskEvent {
    }
}
