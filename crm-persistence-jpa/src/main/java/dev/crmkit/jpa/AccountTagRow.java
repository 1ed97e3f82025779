package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "crm_account_tag")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "tag"))
@AttributeOverride(name = "ownerId", column = @Column(name = "account_id"))
class AccountTagRow extends KeyRow {
    AccountTagRow() {
    }

    AccountTagRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
