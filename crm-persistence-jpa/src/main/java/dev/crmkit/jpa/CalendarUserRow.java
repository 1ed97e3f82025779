package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user involved in an event (organizer or attendee), with the event's time for window lookups. */
@Entity
@Table(name = "crm_calendar_user")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "user_id"))
@AttributeOverride(name = "ownerId", column = @Column(name = "event_id"))
class CalendarUserRow extends KeyRow {
    @Column(name = "start_at")
    Instant startAt;
    @Column(name = "end_at")
    Instant endAt;

    CalendarUserRow() {
    }

    CalendarUserRow(String tenantId, String keyValue, UUID ownerId, Instant start, Instant end) {
        super(tenantId, keyValue, ownerId);
        this.startAt = start;
        this.endAt = end;
    }
}
