package dev.crmkit.core.webhook;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.UUID;

/**
 * Storage port for a tenant's webhook endpoints and the record of what each event became at each endpoint. Every
 * lookup is an index hit: endpoints by tenant, records by event and by endpoint.
 */
public interface WebhookRepository extends Repository<WebhookId, WebhookEndpoint> {
    /** The tenant's endpoints, oldest first (by id). */
    List<WebhookEndpoint> list();

    /**
     * Deletes the endpoint stored at {@code endpoint.version()} with its delivery records; a different stored
     * version is a {@code ConcurrentUpdateException}, a missing one a {@code NotFoundException}.
     */
    void delete(WebhookEndpoint endpoint);

    /** The delivery records of one event, one per endpoint it was POSTed to. */
    List<WebhookDelivery> deliveriesOf(UUID eventId);

    /** Inserts or replaces the record of {@code delivery}'s event and endpoint. */
    void saveDelivery(WebhookDelivery delivery);

    /** An endpoint's delivery records, the last attempted first (ties: event id descending). */
    Page<WebhookDelivery> deliveries(WebhookId endpoint, PageRequest page);

    @Override
    default String kind() {
        return "Webhook";
    }
}
