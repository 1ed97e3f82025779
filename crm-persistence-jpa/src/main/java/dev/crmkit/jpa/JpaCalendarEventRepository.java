package dev.crmkit.jpa;

import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.CalendarEventRepository;
import dev.crmkit.core.task.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class JpaCalendarEventRepository extends JpaRepository<CalendarEventId, CalendarEvent, CalendarEventEntity>
        implements CalendarEventRepository {
    private static final String USERS = "CalendarUserRow";
    private static final String CONTACTS = "CalendarContactRow";
    private static final String ORDER = "r.startAt, r.id";

    JpaCalendarEventRepository(JpaTx tx) {
        super(tx, CalendarEventEntity.class);
    }

    @Override
    CalendarEventEntity toRow(CalendarEvent e) {
        CalendarEventEntity r = new CalendarEventEntity();
        r.kind = e.kind().name();
        r.title = e.title();
        r.location = e.location();
        r.startAt = e.start();
        r.endAt = e.end();
        r.organizerId = e.organizer().value();
        r.attendees = JsonColumns.strings(e.attendees().stream().map(UserId::value).toList());
        r.contacts = JsonColumns.strings(contactKeys(e));
        r.subjectKind = TaskMapping.subjectKind(e.subject());
        r.subjectId = TaskMapping.subjectId(e.subject());
        r.cancelled = e.cancelled();
        r.reminderMinutes = e.reminderBefore() == null ? null : (int) e.reminderBefore().toMinutes();
        r.reminderFiredAt = e.reminderFiredAt();
        r.pendingRemindAt = e.reminderPending() ? e.remindAt() : null;
        r.createdAt = e.createdAt();
        r.updatedAt = e.updatedAt();
        return r;
    }

    @Override
    CalendarEvent toDomain(CalendarEventEntity r) {
        return new CalendarEvent(CalendarEventId.of(r.id), r.version, CalendarEventKind.valueOf(r.kind), r.title,
                r.location, r.startAt, r.endAt, UserId.of(r.organizerId),
                JsonColumns.stringSet(r.attendees).stream().map(UserId::of).collect(Collectors.toSet()),
                JsonColumns.stringSet(r.contacts).stream().map(c -> ContactId.of(UUID.fromString(c)))
                        .collect(Collectors.toSet()),
                TaskMapping.subject(r.subjectKind, r.subjectId), r.cancelled,
                r.reminderMinutes == null ? null : Duration.ofMinutes(r.reminderMinutes), r.reminderFiredAt,
                r.createdAt, r.updatedAt);
    }

    @Override
    void afterSave(CalendarEvent e, boolean inserted) {
        Set<String> users = Stream.concat(Stream.of(e.organizer()), e.attendees().stream()).map(UserId::value)
                .collect(Collectors.toSet());
        KeyTables.replace(tx, USERS, e.id().value(), users, inserted,
                (tenant, user, event) -> new CalendarUserRow(tenant, user, event, e.start(), e.end()));
        KeyTables.replace(tx, CONTACTS, e.id().value(), contactKeys(e), inserted, CalendarContactRow::new);
    }

    private static List<String> contactKeys(CalendarEvent e) {
        return e.contacts().stream().map(c -> c.value().toString()).toList();
    }

    @Override
    public List<CalendarEvent> findByUserBetween(UserId user, Instant from, Instant to) {
        // A semi-join driven by the (tenant, user, start) index of the key table.
        Filter f = new Filter(tx.tenantId()).and("r.id in (select k.ownerId from " + USERS
                + " k where k.tenantId = :tenant and k.keyValue = :user and k.startAt < :to and k.endAt > :from)",
                "user", user.value()).with("from", from).with("to", to);
        return list(f, ORDER);
    }

    @Override
    public List<CalendarEvent> findByContact(ContactId contact) {
        return list(new Filter(tx.tenantId()).and(KeyTables.has(CONTACTS, "contact"), "contact",
                contact.value().toString()), ORDER);
    }

    @Override
    public List<CalendarEvent> findBySubject(Subject subject) {
        return list(TaskMapping.bySubject(tx.tenantId(), subject), ORDER);
    }

    @Override
    public List<CalendarEvent> findPendingReminders(Instant dueBy) {
        return list(new Filter(tx.tenantId()).and("r.pendingRemindAt <= :dueBy", "dueBy", dueBy),
                "r.pendingRemindAt, r.id");
    }
}
