package dev.crmkit.core.memory;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.webhook.WebhookDelivery;
import dev.crmkit.core.webhook.WebhookEndpoint;
import dev.crmkit.core.webhook.WebhookId;
import dev.crmkit.core.webhook.WebhookRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class MemoryWebhookRepository extends MemoryRepository<WebhookId, WebhookEndpoint>
        implements WebhookRepository {
    private static final Comparator<WebhookDelivery> LATEST_FIRST = Comparator
            .comparing(WebhookDelivery::lastAttemptAt)
            .thenComparing(WebhookDelivery::eventId, EntityId::compare).reversed();

    private final WebhookTables tables;

    MemoryWebhookRepository(WebhookTables tables, MemoryTx tx) {
        super(tables.endpoints, tx);
        this.tables = tables;
    }

    @Override
    public List<WebhookEndpoint> list() {
        tx.checkOpen();
        return table.scan().sorted(Comparator.comparing(WebhookEndpoint::id)).toList();
    }

    @Override
    public void delete(WebhookEndpoint endpoint) {
        UndoLog undo = tx.undoForWrite();
        table.remove(endpoint.id(), endpoint.version(), Versioned::version, undo);
        Map<UUID, WebhookDelivery> records = tables.byEndpoint.get(endpoint.id());
        if (records != null) {
            List<WebhookDelivery> removed = List.copyOf(records.values());
            removed.forEach(d -> tables.remove(d.eventId(), d.endpoint()));
            undo.add(() -> removed.forEach(tables::put));
        }
    }

    @Override
    public List<WebhookDelivery> deliveriesOf(UUID eventId) {
        tx.checkOpen();
        Map<WebhookId, WebhookDelivery> records = tables.byEvent.get(eventId);
        return records == null ? List.of() : List.copyOf(records.values());
    }

    @Override
    public void saveDelivery(WebhookDelivery delivery) {
        UndoLog undo = tx.undoForWrite();
        WebhookDelivery previous = tables.put(delivery);
        undo.add(() -> {
            if (previous == null) {
                tables.remove(delivery.eventId(), delivery.endpoint());
            } else {
                tables.put(previous);
            }
        });
    }

    @Override
    public Page<WebhookDelivery> deliveries(WebhookId endpoint, PageRequest page) {
        tx.checkOpen();
        Map<UUID, WebhookDelivery> records = tables.byEndpoint.get(endpoint);
        return Page.of(records == null ? List.of() : records.values().stream().sorted(LATEST_FIRST).toList(), page);
    }
}
