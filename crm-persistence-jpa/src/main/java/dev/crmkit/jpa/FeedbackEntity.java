package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "FeedbackRow")
@Table(name = "crm_feedback")
@IdClass(TenantKey.class)
class FeedbackEntity extends VersionedRow {
    UUID accountId;
    UUID contactId;
    UUID purchaseId;
    int rating;
    String body;
    String channel;
    Instant receivedAt;
}
