package dev.crmkit.benchmarks;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.LeadEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Outbox rows written by hand, as {@code JpaTx.appendOutbox} writes them on PostgreSQL: the same INSERT and binding,
 * with the type, record and payload of rows the library stored for real captures.
 */
final class OutboxRows {
    /** {@code JpaOutbox.INSERT}. */
    static final String INSERT = "INSERT INTO crm_outbox (event_id, subscriber, tenant_id, event_type, aggregate_type,"
            + " aggregate_id, occurred_at, payload, status, attempts, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " 'PENDING', 0, ?)";
    private static final OffsetDateTime DUE = Instant.EPOCH.atOffset(ZoneOffset.UTC);

    /** One stored row's content. */
    record Row(String subscriber, String tenant, String eventType, String aggregateType, String aggregateId,
               String payload) {
    }

    private OutboxRows() {
    }

    /** The rows stored so far, in order. */
    static List<Row> stored(DataSource db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT subscriber,"
                + " tenant_id, event_type, aggregate_type, aggregate_id, payload FROM crm_outbox ORDER BY seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return rows;
    }

    /** Binds {@code row} as a new event of {@code aggregateId} (a fresh event id, occurred now, due at once). */
    static void bind(PreparedStatement s, Row row, String aggregateId) throws SQLException {
        s.setObject(1, UUID.randomUUID());
        s.setString(2, row.subscriber());
        s.setString(3, row.tenant());
        s.setString(4, row.eventType());
        s.setString(5, row.aggregateType());
        s.setString(6, aggregateId);
        s.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
        s.setString(8, row.payload());
        s.setObject(9, DUE);
    }

    /** A durable subscriber of lead events that does nothing with them (it does not even read the JSON back). */
    static EventSubscriber noOpLeadSubscriber(String name) {
        return new EventSubscriber() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean accepts(TenantId tenant, Class<? extends DomainEvent> type) {
                return LeadEvent.class.isAssignableFrom(type);
            }

            @Override
            public void deliver(EventEnvelope event) {
            }
        };
    }
}
