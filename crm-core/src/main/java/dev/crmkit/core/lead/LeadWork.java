package dev.crmkit.core.lead;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import java.time.Instant;

/**
 * The tasks and calendar events about a lead follow it when it is merged into another lead or converted into a
 * contact, open or done: a rep's follow-up call must not stay attached to a lead nobody works any more, and the
 * contact's history keeps what was done before conversion.
 */
final class LeadWork {
    private LeadWork() {
    }

    static void move(LeadTx tx, LeadId lead, Subject to, Instant now) {
        Subject from = Subject.of(lead);
        for (Task t : tx.tasks().findBySubject(from)) {
            tx.tasks().save(t.withSubject(to, now));
        }
        for (CalendarEvent e : tx.calendarEvents().findBySubject(from)) {
            tx.calendarEvents().save(e.withSubject(to, now));
        }
    }
}
