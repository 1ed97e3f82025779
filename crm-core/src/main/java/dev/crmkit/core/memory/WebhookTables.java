package dev.crmkit.core.memory;

import dev.crmkit.core.webhook.WebhookDelivery;
import dev.crmkit.core.webhook.WebhookEndpoint;
import dev.crmkit.core.webhook.WebhookId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One tenant's webhook endpoints and delivery records; guarded by the tenant's lock like every table. */
final class WebhookTables {
    final MemoryTable<WebhookId, WebhookEndpoint> endpoints = new MemoryTable<>("Webhook", WebhookEndpoint::id,
            List.of());

    /** Delivery records by event, then endpoint: the subscriber's lookup when it (re)delivers an event. */
    final Map<UUID, Map<WebhookId, WebhookDelivery>> byEvent = new HashMap<>();

    /** Delivery records by endpoint, then event: an endpoint's history, and what goes when it is deleted. */
    final Map<WebhookId, Map<UUID, WebhookDelivery>> byEndpoint = new HashMap<>();

    /** Stores {@code d} (replacing the record of its event and endpoint); returns the record it replaced. */
    WebhookDelivery put(WebhookDelivery d) {
        byEndpoint.computeIfAbsent(d.endpoint(), k -> new HashMap<>()).put(d.eventId(), d);
        return byEvent.computeIfAbsent(d.eventId(), k -> new HashMap<>()).put(d.endpoint(), d);
    }

    /** Removes the record of {@code eventId} at {@code endpoint}, if any. */
    void remove(UUID eventId, WebhookId endpoint) {
        Map<WebhookId, WebhookDelivery> ofEvent = byEvent.get(eventId);
        if (ofEvent != null && ofEvent.remove(endpoint) != null && ofEvent.isEmpty()) {
            byEvent.remove(eventId);
        }
        Map<UUID, WebhookDelivery> ofEndpoint = byEndpoint.get(endpoint);
        if (ofEndpoint != null && ofEndpoint.remove(eventId) != null && ofEndpoint.isEmpty()) {
            byEndpoint.remove(endpoint);
        }
    }
}
