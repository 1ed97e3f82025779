package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One of a lead's duplicate-matching blocking keys ({@code BlockingKeys}). */
@Entity
@Table(name = "crm_lead_match_key")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "match_key"))
@AttributeOverride(name = "ownerId", column = @Column(name = "lead_id"))
class LeadMatchKeyRow extends KeyRow {
    LeadMatchKeyRow() {
    }

    LeadMatchKeyRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
