package dev.crmkit.core.task;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.task.TaskEvent.AlertRaised;
import dev.crmkit.core.task.TaskEvent.CalendarReminderDue;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import java.util.Objects;

/**
 * The durable subscriber that hands alerts to the host's {@link Notifier}: each {@link AlertRaised}, each task
 * {@link ReminderDue} as an alert to the task's assignee, and each {@link CalendarReminderDue} to its user. Registered by {@code Crm.builder().build()} when a notifier
 * was configured; delivery is the outbox's (after commit, retried with backoff, then a dead letter).
 */
public final class AlertSubscriber implements EventSubscriber {
    /** The name alert deliveries are stored under. */
    public static final String NAME = "crmkit.alerts";

    private final Notifier notifier;

    /** Created by {@code Crm.builder().build()}. */
    public AlertSubscriber(Notifier notifier) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(TenantId tenant, Class<? extends DomainEvent> type) {
        return type == AlertRaised.class || type == ReminderDue.class || type == CalendarReminderDue.class;
    }

    @Override
    public void deliver(EventEnvelope event) throws Exception {
        DomainEvent e = event.event();
        if (e instanceof AlertRaised raised) {
            notifier.notify(raised.alert());
        } else if (e instanceof ReminderDue due) {
            // The outbox event's id is the alert's: the same on every retry of this delivery.
            Reminder r = due.reminder();
            notifier.notify(new Notifier.Alert(event.eventId(), due.tenant(), r.assignee(), "Reminder: " + r.title(),
                    r.due() == null ? "Task reminder" : "Task due " + r.due(), due.occurredAt()));
        } else if (e instanceof CalendarReminderDue due) {
            CalendarEvent c = due.event();
            notifier.notify(new Notifier.Alert(event.eventId(), due.tenant(), due.user(), c.title(),
                    c.kind() + " starts " + c.start() + (c.location() == null ? "" : " at " + c.location()),
                    due.occurredAt()));
        }
    }
}
