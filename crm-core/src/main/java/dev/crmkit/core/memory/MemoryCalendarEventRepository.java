package dev.crmkit.core.memory;

import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventRepository;
import dev.crmkit.core.task.Subject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

final class MemoryCalendarEventRepository extends MemoryRepository<CalendarEventId, CalendarEvent>
        implements CalendarEventRepository {
    private static final Comparator<CalendarEvent> ORDER = Comparator.comparing(CalendarEvent::start)
            .thenComparing(CalendarEvent::id);

    MemoryCalendarEventRepository(MemoryTable<CalendarEventId, CalendarEvent> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<CalendarEvent> findByUserBetween(UserId user, Instant from, Instant to) {
        return lookup("user", user, ORDER).stream().filter(e -> e.overlaps(from, to)).toList();
    }

    @Override
    public List<CalendarEvent> findByContact(ContactId contact) {
        return lookup("contact", contact, ORDER);
    }

    @Override
    public List<CalendarEvent> findBySubject(Subject subject) {
        return lookup("subject", subject, ORDER);
    }

    @Override
    public List<CalendarEvent> findPendingReminders(Instant dueBy) {
        // Unordered lookup, then filter: a poll usually finds few of the pending reminders due.
        return lookup("pendingReminder", TenantTables.PENDING, (a, b) -> 0).stream()
                .filter(e -> e.remindAt() != null && !e.remindAt().isAfter(dueBy))
                .sorted(Comparator.comparing(CalendarEvent::remindAt).thenComparing(CalendarEvent::id)).toList();
    }
}
