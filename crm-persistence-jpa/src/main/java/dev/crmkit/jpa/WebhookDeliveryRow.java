package dev.crmkit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What one event became at one webhook endpoint ({@code WebhookDelivery}); not versioned, replaced on each POST. */
@Entity
@Table(name = "crm_webhook_delivery")
@IdClass(WebhookDeliveryRow.Key.class)
class WebhookDeliveryRow {
    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    @Column(name = "event_id")
    UUID eventId;
    @Id
    @Column(name = "endpoint_id")
    UUID endpointId;
    String eventType;
    String status;
    Integer statusCode;
    String lastError;
    int attempts;
    Instant lastAttemptAt;
    Instant deliveredAt;

    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        String tenantId;
        UUID eventId;
        UUID endpointId;

        Key() {
        }

        Key(String tenantId, UUID eventId, UUID endpointId) {
            this.tenantId = tenantId;
            this.eventId = eventId;
            this.endpointId = endpointId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(eventId, k.eventId)
                    && Objects.equals(endpointId, k.endpointId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, eventId, endpointId);
        }
    }
}
