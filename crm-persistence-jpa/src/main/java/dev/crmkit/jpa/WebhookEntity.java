package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "WebhookRow")
@Table(name = "crm_webhook")
@IdClass(TenantKey.class)
class WebhookEntity extends VersionedRow {
    String url;
    String secret;
    /** The wanted event type names as a JSON array; empty for all. */
    String eventTypes;
    String description;
    boolean enabled;
    String disabledReason;
    Instant createdAt;
    Instant updatedAt;
}
