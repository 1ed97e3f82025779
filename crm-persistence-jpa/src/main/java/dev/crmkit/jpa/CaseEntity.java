package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "CaseRow")
@Table(name = "crm_case")
@IdClass(TenantKey.class)
class CaseEntity extends VersionedRow {
    String trackingNumber;
    UUID accountId;
    UUID contactId;
    UUID productId;
    String productCode;
    UUID orderId;
    String kind;
    String category;
    String priority;
    String channel;
    String subject;
    String description;
    String ownerId;
    String status;
    UUID contractId;
    Instant firstResponseDue;
    Instant resolutionDue;
    Instant firstRespondedAt;
    Instant resolvedAt;
    String resolution;
    Instant closedAt;
    String escalations;
    String articles;
    UUID feedbackId;
    String comments;
    String history;
    Instant nextDue;
    Instant createdAt;
    Instant updatedAt;
}
