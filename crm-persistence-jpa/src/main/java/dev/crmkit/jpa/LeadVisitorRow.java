package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "crm_lead_visitor")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "visitor_id"))
@AttributeOverride(name = "ownerId", column = @Column(name = "lead_id"))
class LeadVisitorRow extends KeyRow {
    LeadVisitorRow() {
    }

    LeadVisitorRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
