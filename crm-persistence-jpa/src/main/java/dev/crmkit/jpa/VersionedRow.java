package dev.crmkit.jpa;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A row of an aggregate: its {@code version} is the aggregate's, and Hibernate's versioned update
 * ({@code ... where version = ?}) is the optimistic lock.
 */
@MappedSuperclass
abstract class VersionedRow extends TenantRow {
    @Version
    long version;
}
