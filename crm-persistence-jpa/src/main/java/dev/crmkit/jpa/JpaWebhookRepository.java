package dev.crmkit.jpa;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.webhook.WebhookDelivery;
import dev.crmkit.core.webhook.WebhookDeliveryStatus;
import dev.crmkit.core.webhook.WebhookEndpoint;
import dev.crmkit.core.webhook.WebhookId;
import dev.crmkit.core.webhook.WebhookRepository;
import dev.crmkit.core.webhook.WebhookSecret;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

final class JpaWebhookRepository extends JpaRepository<WebhookId, WebhookEndpoint, WebhookEntity>
        implements WebhookRepository {
    private static final String DELIVERIES = "WebhookDeliveryRow";

    JpaWebhookRepository(JpaTx tx) {
        super(tx, WebhookEntity.class);
    }

    @Override
    WebhookEntity toRow(WebhookEndpoint w) {
        WebhookEntity r = new WebhookEntity();
        r.url = w.url().toString();
        r.secret = w.secret().value();
        r.eventTypes = JsonColumns.strings(w.eventTypes());
        r.description = w.description();
        r.enabled = w.enabled();
        r.disabledReason = w.disabledReason();
        r.createdAt = w.createdAt();
        r.updatedAt = w.updatedAt();
        return r;
    }

    @Override
    WebhookEndpoint toDomain(WebhookEntity r) {
        return new WebhookEndpoint(WebhookId.of(r.id), r.version, URI.create(r.url), new WebhookSecret(r.secret),
                JsonColumns.stringSet(r.eventTypes), r.description, r.enabled, r.disabledReason, r.createdAt,
                r.updatedAt);
    }

    @Override
    public List<WebhookEndpoint> list() {
        // Sorted here: MariaDB's UUID type orders ids other than v6+ differently from the domain's order.
        return TaskMapping.sorted(list(new Filter(tx.tenantId()), "r.id"),
                Comparator.comparing(WebhookEndpoint::id));
    }

    @Override
    public void delete(WebhookEndpoint endpoint) {
        StatelessSession session = tx.sessionForWrite();
        WebhookEntity row = toRow(endpoint);
        row.tenantId = tx.tenantId();
        row.id = endpoint.id().value();
        row.version = endpoint.version();
        try {
            session.delete(row); // where version = :version
            tx.flush();
            session.createMutationQuery("delete from " + DELIVERIES
                            + " d where d.tenantId = :tenant and d.endpointId = :endpoint")
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("endpoint", endpoint.id().value())
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind(), endpoint.id(), endpoint.version());
        }
    }

    @Override
    public List<WebhookDelivery> deliveriesOf(UUID eventId) {
        return tx.session().createSelectionQuery("from " + DELIVERIES
                        + " d where d.tenantId = :tenant and d.eventId = :event", WebhookDeliveryRow.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("event", eventId)
                .getResultList().stream().map(JpaWebhookRepository::delivery).toList();
    }

    @Override
    public void saveDelivery(WebhookDelivery d) {
        StatelessSession session = tx.sessionForWrite();
        WebhookDeliveryRow row = new WebhookDeliveryRow();
        row.tenantId = tx.tenantId();
        row.eventId = d.eventId();
        row.endpointId = d.endpoint().value();
        row.eventType = d.eventType();
        row.status = d.status().name();
        row.statusCode = d.statusCode();
        row.lastError = d.error();
        row.attempts = d.attempts();
        row.lastAttemptAt = d.lastAttemptAt();
        row.deliveredAt = d.deliveredAt();
        boolean stored = session.get(WebhookDeliveryRow.class,
                new WebhookDeliveryRow.Key(row.tenantId, row.eventId, row.endpointId)) != null;
        try {
            if (stored) {
                session.update(row);
            } else {
                session.insert(row);
            }
            tx.flush();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public Page<WebhookDelivery> deliveries(WebhookId endpoint, PageRequest page) {
        String where = " d where d.tenantId = :tenant and d.endpointId = :endpoint";
        SelectionQuery<Long> count = tx.session().createSelectionQuery("select count(d) from " + DELIVERIES + where,
                Long.class);
        long total = count.setParameter("tenant", tx.tenantId()).setParameter("endpoint", endpoint.value())
                .getSingleResult();
        if (total <= page.offset()) {
            return new Page<>(List.of(), page, total);
        }
        List<WebhookDelivery> items = tx.session().createSelectionQuery("from " + DELIVERIES + where
                        + " order by d.lastAttemptAt desc, d.eventId desc", WebhookDeliveryRow.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("endpoint", endpoint.value())
                .setFirstResult((int) page.offset())
                .setMaxResults(page.size())
                .getResultList().stream().map(JpaWebhookRepository::delivery).toList();
        return new Page<>(items, page, total);
    }

    private static WebhookDelivery delivery(WebhookDeliveryRow r) {
        return new WebhookDelivery(r.eventId, r.eventType, WebhookId.of(r.endpointId),
                WebhookDeliveryStatus.valueOf(r.status), r.statusCode, r.lastError, r.attempts, r.lastAttemptAt,
                r.deliveredAt);
    }
}
