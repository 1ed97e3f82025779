package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "crm_calendar_contact")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "contact_id"))
@AttributeOverride(name = "ownerId", column = @Column(name = "event_id"))
class CalendarContactRow extends KeyRow {
    CalendarContactRow() {
    }

    CalendarContactRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
