package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity(name = "OpportunityRow")
@Table(name = "crm_opportunity")
@IdClass(TenantKey.class)
class OpportunityEntity extends VersionedRow {
    UUID accountId;
    UUID contactId;
    String name;
    @Embedded
    MoneyColumns amount;
    LocalDate closeDate;
    String ownerId;
    String stage;
    int probability;
    String category;
    String status;
    String closeReason;
    UUID sourceLead;
    String history;
    Instant createdAt;
    Instant updatedAt;
}
