package dev.crmkit.core.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one event at one endpoint: one record per (event, endpoint), updated on every POST.
 *
 * @param eventId       the event's id, the {@code id} of the body and the {@code CRMKit-Event-Id} header
 * @param eventType     the event type's name
 * @param statusCode    the HTTP status of the last answer, or null when there was none (timeout, network error)
 * @param error         why the last POST failed, or null
 * @param attempts      POSTs of this event to this endpoint so far
 * @param lastAttemptAt when the last POST was sent
 * @param deliveredAt   when the endpoint accepted it (2xx), or null
 */
public record WebhookDelivery(UUID eventId, String eventType, WebhookId endpoint, WebhookDeliveryStatus status,
                              @Nullable Integer statusCode, @Nullable String error, int attempts, Instant lastAttemptAt,
                              @Nullable Instant deliveredAt) {
    public WebhookDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        error = WebhookLimits.cut(error, WebhookLimits.ERROR);
    }

    /** Whether this event is done at this endpoint: accepted, or the endpoint is gone. */
    public boolean settled() {
        return status != WebhookDeliveryStatus.FAILED;
    }
}
