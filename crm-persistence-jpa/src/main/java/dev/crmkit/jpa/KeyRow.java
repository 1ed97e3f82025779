package dev.crmkit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A lookup key of an aggregate (one of a lead's visitor ids, a tag), mirrored from the owner's JSON column into a
 * narrow indexed table so that finding owners by key is an index hit. Rewritten whenever the owner is saved.
 */
@MappedSuperclass
abstract class KeyRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "key_value")
    String keyValue;
    @Id
    @Column(name = "owner_id")
    UUID ownerId;

    KeyRow() {
    }

    KeyRow(String tenantId, String keyValue, UUID ownerId) {
        this.tenantId = tenantId;
        this.keyValue = keyValue;
        this.ownerId = ownerId;
    }

    /** The composite primary key of every key table. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenantId;
        String keyValue;
        UUID ownerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(keyValue, k.keyValue)
                    && Objects.equals(ownerId, k.ownerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, keyValue, ownerId);
        }
    }
}
