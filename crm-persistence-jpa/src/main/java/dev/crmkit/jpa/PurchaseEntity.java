package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "PurchaseRow")
@Table(name = "crm_purchase")
@IdClass(TenantKey.class)
class PurchaseEntity extends VersionedRow {
    UUID accountId;
    UUID contactId;
    String productCode;
    String productName;
    Instant purchasedAt;
    int quantity;
    @Embedded
    MoneyColumns unitPrice;
    String reps;
    String specialInstructions;
    String orderReference;
    Instant createdAt;
}
