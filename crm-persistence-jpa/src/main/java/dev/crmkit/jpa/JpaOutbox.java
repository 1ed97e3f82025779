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
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The outbox table ({@code crm_outbox}, migrations V6 and V8) in plain JDBC, each call one short transaction of its
 * own on a connection of the data source (the dispatcher runs outside any host transaction).
 *
 * <p>Claiming is a lease, the same on H2, PostgreSQL and MariaDB: a plain read picks candidates (due, pending, and
 * the earliest pending row of their subscriber and record), then a conditional UPDATE moves each candidate's due
 * time to the end of the lease only if it is still due. The database's row lock serializes two nodes' updates of a
 * row and the loser's condition no longer holds (PostgreSQL and H2 re-check it on the new row version, InnoDB's
 * UPDATE reads the latest committed row), so exactly one node gets it. PostgreSQL leases all candidates with one
 * UPDATE that returns the rows it changed; H2 and MariaDB run one UPDATE per candidate in a JDBC batch and read the
 * winners off the update counts. Not {@code FOR UPDATE SKIP LOCKED}: on MariaDB that would also skip locked rows
 * inside the "earlier row pending?" subquery and break the per-record order.
 */
final class JpaOutbox implements Outbox {
    static final String INSERT = "INSERT INTO crm_outbox (event_id, subscriber, tenant_id, event_type, aggregate_type,"
            + " aggregate_id, occurred_at, payload, status, attempts, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " 'PENDING', 0, ?)";
    private static final String COLUMNS = "seq, event_id, subscriber, tenant_id, event_type, aggregate_type,"
            + " aggregate_id, occurred_at, payload, attempts, last_error";
    /** Most sequences one statement names. */
    private static final int CHUNK = 1024;
    /** Runs of an outbox transaction that loses deadlocks (see {@link #inTransaction(Work, boolean)}). */
    private static final int ATTEMPTS = 5;

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
        String select = claimSql(subscribers.size(), limit);
        return inLazyTransaction(c -> {
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
            Set<Long> won = db == Database.POSTGRESQL ? leaseReturning(c, candidates, now, owner, leaseUntil)
                    : leaseEach(c, candidates, now, owner, leaseUntil);
            List<OutboxEntry> claimed = new ArrayList<>(won.size());
            for (OutboxEntry e : candidates) {
                if (won.contains(e.sequence())) {
                    claimed.add(e);
                }
            }
            return claimed;
        });
    }

    /**
     * The claim's read: due pending rows of {@code subscribers} names (bound after "now"), each the earliest pending
     * row of its subscriber and record, lowest seq first.
     */
    static String claimSql(int subscribers, int limit) {
        String in = String.join(", ", Collections.nCopies(subscribers, "?"));
        // Status as a one-value range, ordered by it: "status = 'PENDING' ORDER BY seq" let PostgreSQL walk the
        // primary key from the first row ever stored past every delivered and leased one (after a backlog its
        // statistics say nearly every row is pending), so each claim cost as much as all the rows claimed before it.
        // Only crm_outbox_claim gives this order: the scan starts at the earliest pending row.
        return "SELECT " + COLUMNS + " FROM crm_outbox o WHERE o.status BETWEEN 'PENDING' AND 'PENDING'"
                + " AND o.due_at <= ? AND o.subscriber IN (" + in + ") AND NOT EXISTS (SELECT 1 FROM crm_outbox p"
                + " WHERE p.subscriber = o.subscriber AND p.tenant_id = o.tenant_id"
                + " AND p.aggregate_type = o.aggregate_type AND p.aggregate_id = o.aggregate_id"
                + " AND p.status = 'PENDING' AND p.seq < o.seq) ORDER BY o.status, o.seq LIMIT " + limit;
    }

    /**
     * The lease as one UPDATE of all candidates that returns the rows it changed: PostgreSQL re-checks the condition
     * of each row another transaction changed meanwhile on its new version, as for single-row updates.
     */
    private Set<Long> leaseReturning(Connection c, List<OutboxEntry> candidates, Instant now, String owner,
                                     Instant leaseUntil) throws SQLException {
        Set<Long> won = new HashSet<>();
        List<Long> sequences = candidates.stream().map(OutboxEntry::sequence).toList();
        for (List<Long> chunk : chunks(sequences)) {
            try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET due_at = ?, lease_owner = ?"
                    + " WHERE seq IN (" + placeholders(chunk.size()) + ") AND status = 'PENDING' AND due_at <= ?"
                    + " RETURNING seq")) {
                JdbcParameters.instant(s, 1, leaseUntil, db);
                s.setString(2, owner);
                int next = bindPadded(s, 3, chunk);
                JdbcParameters.instant(s, next, now, db);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        won.add(rs.getLong(1));
                    }
                }
            }
        }
        return won;
    }

    /** The lease as one conditional UPDATE per candidate, in one JDBC batch; its update counts say who won. */
    private Set<Long> leaseEach(Connection c, List<OutboxEntry> candidates, Instant now, String owner,
                                Instant leaseUntil) throws SQLException {
        Set<Long> won = new HashSet<>();
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
                    won.add(candidates.get(i).sequence());
                }
            }
        }
        return won;
    }

    @Override
    public void delivered(Collection<Long> sequences, Instant at) {
        if (sequences.isEmpty()) {
            return;
        }
        inLazyTransaction(c -> {
            for (List<Long> chunk : chunks(List.copyOf(sequences))) {
                try (PreparedStatement s = c.prepareStatement("UPDATE crm_outbox SET status = 'DELIVERED',"
                        + " due_at = ? WHERE seq IN (" + placeholders(chunk.size()) + ") AND status = 'PENDING'")) {
                    JdbcParameters.instant(s, 1, at, db);
                    bindPadded(s, 2, chunk);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private static List<List<Long>> chunks(List<Long> sequences) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sequences.size(); from += CHUNK) {
            chunks.add(sequences.subList(from, Math.min(sequences.size(), from + CHUNK)));
        }
        return chunks;
    }

    /**
     * Placeholders for {@code n} sequences, rounded up to a power of two (at least 8): a handful of statement texts
     * serve every batch size, so the drivers' and the databases' statement caches keep them.
     */
    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(padded(n), "?"));
    }

    private static int padded(int n) {
        return n <= 8 ? 8 : Integer.highestOneBit(n - 1) << 1;
    }

    /** Binds {@code sequences} from {@code index}, repeating the last to fill the padding; returns the next index. */
    private static int bindPadded(PreparedStatement s, int index, List<Long> sequences) throws SQLException {
        int n = padded(sequences.size());
        for (int i = 0; i < n; i++) {
            s.setLong(index + i, sequences.get(Math.min(i, sequences.size() - 1)));
        }
        return index + n;
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
    public Optional<Instant> oldestPending() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MIN(occurred_at) FROM crm_outbox WHERE status = 'PENDING'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1) == null ? Optional.empty()
                        : Optional.of(JdbcParameters.instant(rs, 1, db));
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
        return new OutboxEntry(rs.getLong(1), JdbcParameters.uuid(rs, 2, db), rs.getString(3),
                TenantId.of(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                JdbcParameters.instant(rs, 8, db), rs.getString(9), rs.getInt(10), rs.getString(11));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        return inTransaction(work, false);
    }

    /**
     * A transaction whose commit need not wait for the disk: the dispatcher's leases and delivered marks. A crash of
     * the database can lose the last of them, and that only makes the event due again, delivered once more (at least
     * once allows it; PostgreSQL writes commits in order, so a lost mark never lets a record's later event go
     * first). PostgreSQL only: a claim and a delivered mark each waited for a WAL flush, per batch of deliveries.
     */
    private <T> T inLazyTransaction(Work<T> work) {
        return inTransaction(work, db == Database.POSTGRESQL);
    }

    /**
     * Runs {@code work} in a transaction of its own, again (up to {@link #ATTEMPTS} times in all) when the database
     * chose it as a deadlock victim or refused it as a serialization failure: two nodes leasing and marking the same
     * rows lock secondary-index entries in different orders on MariaDB. The database rolled the victim back whole,
     * and every outbox transaction is safe to run again (claims read afresh, marks are conditional updates).
     */
    private <T> T inTransaction(Work<T> work, boolean asynchronousCommit) {
        if (host.active()) {
            // A transaction-aware data source would hand out the host's connection, and our commit would be its.
            throw new IllegalStateException("the outbox is dispatched outside host transactions");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, asynchronousCommit);
            } catch (StorageException e) {
                if (attempt == ATTEMPTS || !Errors.conflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private <T> T once(Work<T> work, boolean asynchronousCommit) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (asynchronousCommit) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
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
