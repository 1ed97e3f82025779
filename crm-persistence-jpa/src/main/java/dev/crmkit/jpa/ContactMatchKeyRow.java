package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One of a contact's duplicate-matching blocking keys ({@code BlockingKeys}). */
@Entity
@Table(name = "crm_contact_match_key")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "match_key"))
@AttributeOverride(name = "ownerId", column = @Column(name = "contact_id"))
class ContactMatchKeyRow extends KeyRow {
    ContactMatchKeyRow() {
    }

    ContactMatchKeyRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
