package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "CalendarEventRow")
@Table(name = "crm_calendar_event")
@IdClass(TenantKey.class)
class CalendarEventEntity extends VersionedRow {
    String kind;
    String title;
    String location;
    Instant startAt;
    Instant endAt;
    String organizerId;
    String attendees;
    String contacts;
    String subjectKind;
    UUID subjectId;
    boolean cancelled;
    /** Minutes before the start the reminder fires; null without one. */
    Integer reminderMinutes;
    Instant reminderFiredAt;
    /** When the reminder is due while it is pending, else null: what "reminders due" reads through its index. */
    Instant pendingRemindAt;
    Instant createdAt;
    Instant updatedAt;
}
