package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One of an account's duplicate-matching blocking keys ({@code BlockingKeys}). */
@Entity
@Table(name = "crm_account_match_key")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "match_key"))
@AttributeOverride(name = "ownerId", column = @Column(name = "account_id"))
class AccountMatchKeyRow extends KeyRow {
    AccountMatchKeyRow() {
    }

    AccountMatchKeyRow(String tenantId, String keyValue, UUID ownerId) {
        super(tenantId, keyValue, ownerId);
    }
}
