package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "ProductInfoRow")
@Table(name = "crm_product_info")
@IdClass(TenantKey.class)
class ProductInfoEntity extends VersionedRow {
    String productCode;
    UUID productId;
    String name;
    String summary;
    String specifications;
    String documents;
    Instant updatedAt;
}
