package dev.crmkit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** Columns every row has: its tenant and its application-assigned id (no IDENTITY, so inserts can batch). */
@MappedSuperclass
abstract class TenantRow {
    // Explicit names: the component-path naming strategy would otherwise prefix the @IdClass parts.
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "id")
    UUID id;
}
