package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "ProductRow")
@Table(name = "crm_product")
@IdClass(TenantKey.class)
class ProductEntity extends VersionedRow {
    String code;
    String name;
    String description;
    boolean active;
    Instant createdAt;
    Instant updatedAt;
}
