package dev.crmkit.jpa;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of every table: the tenant comes first, so no access by id can reach another tenant's row. */
final class TenantKey implements Serializable {
    private static final long serialVersionUID = 1L;

    String tenantId;
    UUID id;

    TenantKey() {
    }

    TenantKey(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantKey k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, id);
    }
}
