package dev.crmkit.jpa;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.spi.HostTransactions;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table ({@code crm_outbox}, migration V6) in plain JDBC, each call one short transaction of its own on
 * a connection of the data source (the dispatcher runs outside any host transaction).
 *
 * <p>Claiming is a lease, the same on H2, PostgreSQL and MariaDB: a plain read picks candidates (due, pending, and
 * the earliest pending row of their subscriber and record), then one conditional UPDATE per candidate moves its due
 * time to the end of the lease only if it is still due. The database's row lock serializes two nodes' updates of a
 * row and the loser's condition no longer holds (PostgreSQL and H2 re-check it on the new row version, InnoDB's
 * UPDATE reads the latest committed row), so exactly one node gets it. Not {@code FOR UPDATE SKIP LOCKED}: on
 * MariaDB that would also skip locked rows inside the "earlier row pending?" subquery and break the per-record
 * order.
 */
final class JpaOutbox implements Outbox {
    static final String INSERT = "INSERT INTO crm_outbox (event_id, subscriber, tenant_id, event_type, aggregate_type,"
            + " aggregate_id, occurred_at, payload, status, attempts, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " 'PENDING', 0, ?)";
    private static final String COLUMNS = "seq, event_id, subscriber, tenant_id, event_type, aggregate_type,"
            + " aggregate_id, occurred_at, payload, attempts, last_error";

    private final DataSource dataSource;
    private final Database db;
    private final HostTransactions host;

    JpaOutbox(DataSource dataSource, Database db, HostTransactions host) {
        this.dataSource = dataSource;
        this.db = db;
        this.host = host;
    }

    /** Binds one new row of {@link #INSERT}. */
    static void bindInsert(PreparedStatement s, OutboxEntry e, Instant dueAt, Database db) throws SQLException {
        JdbcParameters.uuid(s, 1, e.eventId(), db);
        s.setString(2, e.subscriber());
        s.setString(3, e.tenant().value());
        s.setString(4, e.eventType());
        s.setString(5, e.aggregateType());
        s.setString(6, e.aggregateId());
        JdbcParameters.instant(s, 7, e.occurredAt(), db);
        s.setString(8, e.payload());
        JdbcParameters.instant(s, 9, dueAt, db);
    }

    @Override
    public List<OutboxEntry> claim(Collection<String> subscribers, Instant now, int limit, String owner,
                                   Instant leaseUntil) {
        if (subscribers.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(subscribers.size(), "?"));
        String select = "SELECT " + COLUMNS + " FROM crm_outbox o WHERE o.status = 'PENDING' AND o.due_at <= ?"
                + " AND o.subscriber IN (" + in + ") AND NOT EXISTS (SELECT 1 FROM crm_outbox p"
                + " WHERE p.subscriber = o.subscriber AND p.tenant_id = o.tenant_id"
                + " AND p.aggregate_type = o.aggregate_type AND p.aggregate_id = o.aggregate_id"
                + " AND p.status = 'PENDING' AND p.seq < o.seq) ORDER BY o.seq LIMIT " + limit;
        return inTransaction(c -> {
            List<OutboxEntry> candidates = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(select)) {
                JdbcParameters.instant(s, 1, now, db);
                int i = 2;
                for (String name : subscribers) {
                    s.setString(i++, name);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(entry(rs));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return candidates;
            }
            List<OutboxEntry> claimed = new ArrayList<>(candidates.size());
            try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET due_at = ?, lease_owner = ?"
                    + " WHERE seq = ? AND status = 'PENDING' AND due_at <= ?")) {
                for (OutboxEntry e : candidates) {
                    JdbcParameters.instant(s, 1, leaseUntil, db);
                    s.setString(2, owner);
                    s.setLong(3, e.sequence());
                    JdbcParameters.instant(s, 4, now, db);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    // SUCCESS_NO_INFO (-2) would hide who won; the drivers used here all report counts.
                    if (counts[i] == 1) {
                        claimed.add(candidates.get(i));
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public void delivered(Collection<Long> sequences, Instant at) {
        if (sequences.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET status = 'DELIVERED', due_at = ?"
                    + " WHERE seq = ? AND status = 'PENDING'")) {
                for (Long seq : sequences) {
                    JdbcParameters.instant(s, 1, at, db);
                    s.setLong(2, seq);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void failed(long sequence, int attempts, String error, Instant retryAt, boolean dead) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET status = ?, attempts = ?,"
                    + " last_error = ?, due_at = ? WHERE seq = ? AND status = 'PENDING'")) {
                s.setString(1, dead ? "DEAD" : "PENDING");
                s.setInt(2, attempts);
                s.setString(3, error);
                JdbcParameters.instant(s, 4, retryAt, db);
                s.setLong(5, sequence);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Page<OutboxEntry> dead(TenantId tenant, PageRequest page) {
        return inTransaction(c -> {
            long total;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM crm_outbox WHERE tenant_id = ? AND status = 'DEAD'")) {
                s.setString(1, tenant.value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<OutboxEntry> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_outbox"
                    + " WHERE tenant_id = ? AND status = 'DEAD' ORDER BY due_at DESC, seq DESC LIMIT "
                    + page.size() + " OFFSET " + page.offset())) {
                s.setString(1, tenant.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            return new Page<>(items, page, total);
        });
    }

    @Override
    public boolean retry(TenantId tenant, UUID eventId, String subscriber, Instant now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET status = 'PENDING', attempts = 0,"
                    + " due_at = ? WHERE tenant_id = ? AND event_id = ? AND subscriber = ? AND status = 'DEAD'")) {
                JdbcParameters.instant(s, 1, now, db);
                s.setString(2, tenant.value());
                JdbcParameters.uuid(s, 3, eventId, db);
                s.setString(4, subscriber);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long pending(TenantId tenant, String subscriber) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM crm_outbox WHERE tenant_id = ?"
                    + " AND status = 'PENDING' AND subscriber = ?")) {
                s.setString(1, tenant.value());
                s.setString(2, subscriber);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public int purgeDelivered(Instant before) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM crm_outbox WHERE status = 'DELIVERED' AND due_at < ?")) {
                JdbcParameters.instant(s, 1, before, db);
                return s.executeUpdate();
            }
        });
    }

    private OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong(1), uuid(rs, 2), rs.getString(3), TenantId.of(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9), rs.getInt(10),
                rs.getString(11));
    }

    private UUID uuid(ResultSet rs, int column) throws SQLException {
        return db == Database.MARIADB ? UUID.fromString(rs.getString(column)) : rs.getObject(column, UUID.class);
    }

    private Instant instant(ResultSet rs, int column) throws SQLException {
        return db == Database.MARIADB ? rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                : rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        if (host.active()) {
            // A transaction-aware data source would hand out the host's connection, and our commit would be its.
            throw new IllegalStateException("the outbox is dispatched outside host transactions");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StorageException("outbox: " + e.getMessage(), e);
        }
    }
}
