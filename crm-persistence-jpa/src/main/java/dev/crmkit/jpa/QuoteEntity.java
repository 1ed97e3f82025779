package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity(name = "QuoteRow")
@Table(name = "crm_quote")
@IdClass(TenantKey.class)
class QuoteEntity extends VersionedRow {
    String number;
    int revision;
    UUID opportunityId;
    UUID accountId;
    UUID contactId;
    String currency;
    String taxRate;
    String lineItems;
    boolean approvalRequired;
    String status;
    String approvedBy;
    LocalDate validUntil;
    String notes;
    String specialInstructions;
    UUID orderId;
    String history;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
}
