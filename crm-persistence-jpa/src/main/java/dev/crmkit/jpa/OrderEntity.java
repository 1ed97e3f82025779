package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "OrderRow")
@Table(name = "crm_order")
@IdClass(TenantKey.class)
class OrderEntity extends VersionedRow {
    String number;
    UUID quoteId;
    UUID opportunityId;
    UUID accountId;
    UUID contactId;
    String ownerId;
    String currency;
    String taxRate;
    String lineItems;
    String specialInstructions;
    String status;
    String history;
    String purchases;
    Instant createdAt;
    Instant updatedAt;
}
