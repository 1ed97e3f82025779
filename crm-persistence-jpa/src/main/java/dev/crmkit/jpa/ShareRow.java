package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A share ({@code crm_share}, V28) as the lead search's JPQL sees it: the user as the key, the record as the owner.
 * Rows are written and read in plain JDBC by {@link JpaShareRepository}.
 */
@Entity
@Table(name = "crm_share")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "user_id"))
@AttributeOverride(name = "ownerId", column = @Column(name = "record_id"))
class ShareRow extends KeyRow {
    ShareRow() {
    }
}
