package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "crm_lead_tag")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "tag"))
@AttributeOverride(name = "ownerId", column = @Column(name = "lead_id"))
class LeadTagRow extends KeyRow {
    LeadTagRow() {
    }

    LeadTagRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
