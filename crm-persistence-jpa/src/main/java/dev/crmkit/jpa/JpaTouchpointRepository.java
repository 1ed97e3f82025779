package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import dev.crmkit.core.tracking.TouchpointRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * Touchpoints are append-only and arrive in bulk. They are written with plain JDBC, one batched INSERT on the
 * session's connection ({@link JpaStorage#BATCH_SIZE} rows per round trip), bound as the {@link TouchpointEntity}
 * mapping stores them (see {@link JdbcParameters}); reads and the bulk link updates go through Hibernate. Idempotency
 * rests on the unique constraint on (tenant, external event id): a batch is inserted inside a savepoint, and only
 * when the constraint rejects it is the savepoint rolled back, one indexed query finds the stored external ids and
 * the rest is inserted; MariaDB skips repeats in the insert instead (see {@link #insertSkippingRepeats}). This also
 * holds when writers ingest the same events at once. The adapter translates the rejection itself, so a repeated
 * event (routine with at-least-once delivery) is not logged by Hibernate as an error.
 */
final class JpaTouchpointRepository implements TouchpointRepository {
    private static final String INSERT = "INSERT INTO crm_touchpoint (tenant_id, id, kind, occurred_at,"
            + " external_event_id, visitor_id, lead_id, contact_id, account_id, campaign_id, ad_id, affiliate_id,"
            + " channel, event_count, value_amount, value_currency, duration_seconds, outcome, detail, rep_id,"
            + " first_click, last_click, direction, channel_reference)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** MariaDB: skips a row whose key is stored, with a warning (and stores a value it refuses changed, too). */
    private static final String INSERT_IGNORE = "INSERT IGNORE" + INSERT.substring("INSERT".length());
    private static final String ORDER = "r.occurredAt, r.id";
    private static final Comparator<Touchpoint> BY_EXTERNAL_ID = Comparator.comparing(Touchpoint::externalEventId,
            Comparator.nullsLast(Comparator.naturalOrder()));
    /** Keeps the IN list of the idempotency check under every driver's parameter limit. */
    private static final int ID_CHUNK = 1000;

    private final JpaTx tx;

    JpaTouchpointRepository(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public List<Touchpoint> insertAll(Collection<Touchpoint> touchpoints) {
        List<Touchpoint> inserted = insertNew(touchpoints);
        if (!inserted.isEmpty()) {
            tx.jdbcWrite(c -> TouchpointDayTotals.add(c, tx.tenantId(), tx.database(), inserted));
        }
        return inserted;
    }

    private List<Touchpoint> insertNew(Collection<Touchpoint> touchpoints) {
        tx.sessionForWrite();
        List<Touchpoint> candidates = new ArrayList<>(touchpoints.size());
        Set<String> externalIds = new HashSet<>();
        for (Touchpoint t : touchpoints) {
            if (t.externalEventId() == null || externalIds.add(t.externalEventId())) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        try {
            tx.flush(); // statements Hibernate still holds in its batch go first, in the order they were made
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        if (externalIds.isEmpty()) {
            SQLException failure = tx.session().doReturningWork(c -> insert(c, candidates, INSERT, null));
            if (failure != null) {
                throw Errors.translate(failure);
            }
            return candidates;
        }
        List<String> ids = new ArrayList<>(externalIds);
        return tx.database() == Database.MARIADB ? insertSkippingRepeats(candidates, ids)
                : insertRetryingRepeats(candidates, ids, new HashSet<>());
    }

    /**
     * H2, PostgreSQL. Optimistic: new events are the rule, so insert first and let the unique constraint find the
     * repeats. Only then ask which external ids are stored (also ones a concurrent writer just committed: both
     * read committed rows with each statement) and insert the rest, skipping {@code stored} from the start. Also
     * MariaDB's way out of a batch it cannot sort out, where the check sees only its snapshot.
     */
    private List<Touchpoint> insertRetryingRepeats(List<Touchpoint> candidates, List<String> externalIds,
            Set<String> stored) {
        while (true) {
            List<Touchpoint> fresh = without(candidates, stored);
            if (fresh.isEmpty()) {
                return fresh; // all repeats: nothing to insert
            }
            List<Touchpoint> ordered = fresh.stream().sorted(BY_EXTERNAL_ID).toList();
            SQLException failure = tx.session().doReturningWork(c -> insertInSavepoint(c, ordered));
            if (failure == null) {
                return fresh;
            }
            RuntimeException e = Errors.translate(failure);
            // A rejection that no newly stored external id explains is a duplicate touchpoint id. Each retry skips
            // at least one more id, so writers committing our ids one by one cannot keep this loop going.
            if (!(e instanceof DuplicateException) || !stored.addAll(storedExternalIds(externalIds))) {
                throw e;
            }
        }
    }

    /**
     * MariaDB. Retrying a rejected batch as on the other databases fails there: InnoDB's REPEATABLE READ answers
     * the check from the snapshot taken at the transaction's first read, which misses the row of the concurrent
     * writer whose commit the rejected insert waited for; a locking read instead gap-locks the ids it does not find,
     * as do the locks the rejected insert keeps, so writers retrying overlapping batches deadlock. So repeats are
     * not rejected: {@code INSERT IGNORE} skips each with a warning, keeping the rest and the locks it took in one
     * ascending order. When the batch's affected-row count says every row was stored, without a warning, they are
     * all this call's (the usual case: new events); otherwise a locking read of the batch's external ids (all
     * stored now, so it locks no gap) tells which rows are. IGNORE also skips a row whose touchpoint id is stored and
     * turns a value the column refuses into a warning and a changed value, so unless every warning was one repeat,
     * the batch is undone and inserted again plainly, skipping the repeats found, to store or fail as elsewhere.
     */
    private List<Touchpoint> insertSkippingRepeats(List<Touchpoint> candidates, List<String> externalIds) {
        Set<String> repeats = new HashSet<>();
        Attempt attempt = tx.session().doReturningWork(c -> {
            Savepoint savepoint = c.setSavepoint();
            Warnings warnings = new Warnings();
            SQLException failure = insert(c, candidates.stream().filter(t -> t.externalEventId() == null)
                    .toList(), INSERT, null);
            if (failure == null) {
                failure = insert(c, candidates.stream().filter(t -> t.externalEventId() != null)
                        .sorted(BY_EXTERNAL_ID).toList(), INSERT_IGNORE, warnings);
            }
            // Every row affected and no warning: all stored as given, nothing to read. Otherwise read which rows
            // are this call's, not trusting the warnings alone: the driver does not always pass the warning of a
            // skipped repeat on (a batch of a repeat and a new event came back without one), and counting a repeat
            // as stored would count it twice in the day totals and the events.
            List<Touchpoint> stored = failure != null ? null
                    : warnings.count == 0 && warnings.affected == externalIds.size() ? candidates
                    : storedUnlessWarnedOtherwise(c, candidates, externalIds, warnings.count, repeats);
            if (stored == null) {
                rollback(c, savepoint, failure);
            } else {
                c.releaseSavepoint(savepoint);
            }
            return new Attempt(stored, failure);
        });
        if (attempt.failure() != null) {
            throw Errors.translate(attempt.failure());
        }
        return attempt.stored() != null ? attempt.stored() : insertRetryingRepeats(candidates, externalIds, repeats);
    }

    /** What an insert on the connection did: the rows it stored, or why it failed, or neither when unclear. */
    private record Attempt(List<Touchpoint> stored, SQLException failure) {
    }

    /**
     * How many warnings {@code INSERT IGNORE} left, and how many rows it stored: the sum of the batch's update
     * counts, or the driver's total where it reports none per row (MariaDB's bulk protocol); -1 when unknown.
     * A skipped repeat affects no row, so a count short of the rows given means a repeat or an unknown count.
     */
    private static final class Warnings {
        long count;
        long affected;
    }

    /**
     * MariaDB, after {@code INSERT IGNORE}: the rows it stored, if each warning was a skipped repeat (one recorded in
     * {@code repeats}) or no warning came back at all; otherwise null.
     */
    private List<Touchpoint> storedUnlessWarnedOtherwise(Connection connection, List<Touchpoint> candidates,
            List<String> externalIds, long warnings, Set<String> repeats) throws SQLException {
        Map<String, UUID> owners = storedOwners(connection, externalIds);
        List<Touchpoint> stored = new ArrayList<>(candidates.size());
        for (Touchpoint t : candidates) {
            UUID owner = t.externalEventId() == null ? t.id().value() : owners.get(t.externalEventId());
            if (t.id().value().equals(owner)) {
                stored.add(t); // or stored before, with this very id: then it warned once more than it repeated
            } else if (owner != null) {
                repeats.add(t.externalEventId());
            }
        }
        return (warnings == 0 || warnings == repeats.size()) && stored.size() + repeats.size() == candidates.size()
                ? stored : null;
    }

    /**
     * Inserts {@code rows}, given in external id order, or rolls them all back and returns why not. The order makes
     * writers of overlapping batches wait for each other's keys in one order instead of each holding a key the
     * other waits for (a deadlock, which rolls back a whole transaction).
     */
    private SQLException insertInSavepoint(Connection connection, List<Touchpoint> rows) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        SQLException failure = insert(connection, rows, INSERT, null);
        if (failure == null) {
            connection.releaseSavepoint(savepoint);
        } else {
            rollback(connection, savepoint, failure);
        }
        return failure;
    }

    /** Rolls back to {@code savepoint}; a failure to do so is added to {@code failure}, if there is one. */
    private static void rollback(Connection connection, Savepoint savepoint, SQLException failure)
            throws SQLException {
        try {
            connection.rollback(savepoint);
        } catch (SQLException gone) {
            if (failure == null) {
                throw gone;
            }
            // A deadlock victim's transaction is rolled back whole, savepoints included: report the deadlock.
            failure.addSuppressed(gone);
        }
    }

    /**
     * One batched {@code sql} on the session's connection; collects its warnings into {@code warnings} if given. A
     * failure is returned, not thrown: thrown out of {@code doWork}, Hibernate would log it (a repeated event is
     * routine, not an error) before wrapping it.
     */
    private SQLException insert(Connection connection, List<Touchpoint> rows, String sql, Warnings warnings) {
        if (rows.isEmpty()) {
            return null;
        }
        Database db = tx.database();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int batched = 0;
            for (int i = 0; i < rows.size(); i++) {
                bind(statement, TouchpointMapper.toRow(tx.tenantId(), rows.get(i)), db);
                statement.addBatch();
                if (++batched == JpaStorage.BATCH_SIZE || i == rows.size() - 1) {
                    int[] counts = statement.executeBatch();
                    batched = 0;
                    if (warnings != null) {
                        warnings.affected = affected(statement, counts, warnings.affected);
                        collect(connection, statement, warnings);
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** {@code before} plus the rows one executed batch affected; -1 once a batch's count is unknown. */
    private static long affected(Statement statement, int[] counts, long before) throws SQLException {
        if (before < 0) {
            return before;
        }
        long sum = 0;
        for (int count : counts) {
            if (count < 0) {
                // SUCCESS_NO_INFO for every row: MariaDB's bulk reply gives the total as the update count. A total
                // above the rows cannot be this batch's; one too low only costs the read-back.
                long total = totalOf(statement);
                return total < 0 || total > counts.length ? -1 : before + total;
            }
            sum += count;
        }
        return before + sum;
    }

    /** The statement's update count, or -1 where the driver does not give one. */
    private static long totalOf(Statement statement) throws SQLException {
        try {
            return statement.getLargeUpdateCount();
        } catch (UnsupportedOperationException | SQLFeatureNotSupportedException notGiven) {
            return -1;
        }
    }

    /** Free when there are none: the driver knows their count from the statement's reply. */
    private static void collect(Connection connection, PreparedStatement statement, Warnings warnings)
            throws SQLException {
        if (statement.getWarnings() == null) {
            return;
        }
        // The count, not the list: the server lists at most max_error_count (64) of them.
        try (Statement count = connection.createStatement();
                ResultSet result = count.executeQuery("SELECT @@warning_count")) {
            result.next();
            warnings.count += result.getLong(1);
        }
        statement.clearWarnings();
    }

    /** Binds the row's columns as Hibernate's mapping of {@link TouchpointEntity} does, so its reads see the same. */
    private static void bind(PreparedStatement s, TouchpointEntity r, Database db) throws SQLException {
        s.setString(1, r.tenantId);
        JdbcParameters.uuid(s, 2, r.id, db);
        s.setString(3, r.kind);
        JdbcParameters.instant(s, 4, r.occurredAt, db);
        s.setString(5, r.externalEventId);
        s.setString(6, r.visitorId);
        JdbcParameters.uuid(s, 7, r.leadId, db);
        JdbcParameters.uuid(s, 8, r.contactId, db);
        JdbcParameters.uuid(s, 9, r.accountId, db);
        JdbcParameters.uuid(s, 10, r.campaignId, db);
        JdbcParameters.uuid(s, 11, r.adId, db);
        JdbcParameters.uuid(s, 12, r.affiliateId, db);
        s.setString(13, r.channel);
        s.setLong(14, r.count);
        if (r.value == null) {
            s.setNull(15, Types.DECIMAL);
            s.setNull(16, Types.VARCHAR);
        } else {
            s.setBigDecimal(15, r.value.amount);
            s.setString(16, r.value.currency);
        }
        if (r.durationSeconds == null) {
            s.setNull(17, Types.INTEGER);
        } else {
            s.setInt(17, r.durationSeconds);
        }
        s.setString(18, r.outcome);
        s.setString(19, r.detail);
        s.setString(20, r.repId);
        JdbcParameters.uuid(s, 21, r.firstClick, db);
        JdbcParameters.uuid(s, 22, r.lastClick, db);
        s.setString(23, r.direction);
        s.setString(24, r.channelReference);
    }

    private static List<Touchpoint> without(List<Touchpoint> candidates, Set<String> storedExternalIds) {
        if (storedExternalIds.isEmpty()) {
            return candidates;
        }
        List<Touchpoint> fresh = new ArrayList<>(candidates.size());
        for (Touchpoint t : candidates) {
            if (t.externalEventId() == null || !storedExternalIds.contains(t.externalEventId())) {
                fresh.add(t);
            }
        }
        return fresh;
    }

    private Set<String> storedExternalIds(List<String> externalIds) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < externalIds.size(); from += ID_CHUNK) {
            List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + ID_CHUNK));
            stored.addAll(tx.session().createSelectionQuery("select r.externalEventId from TouchpointRow r"
                            + " where r.tenantId = :tenant and r.externalEventId in :ids", String.class)
                    .setParameter("tenant", tx.tenantId())
                    .setParameterList("ids", chunk)
                    .getResultList());
        }
        return stored;
    }

    /** MariaDB: the touchpoint id stored under each of {@code externalIds}, read past the snapshot (locking). */
    private Map<String, UUID> storedOwners(Connection connection, List<String> externalIds) throws SQLException {
        Map<String, UUID> owners = new HashMap<>();
        for (int from = 0; from < externalIds.size(); from += ID_CHUNK) {
            List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + ID_CHUNK));
            try (PreparedStatement statement = connection.prepareStatement("SELECT external_event_id, id"
                    + " FROM crm_touchpoint WHERE tenant_id = ? AND external_event_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") LOCK IN SHARE MODE")) {
                statement.setString(1, tx.tenantId());
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        owners.put(rows.getString(1), UUID.fromString(rows.getString(2)));
                    }
                }
            }
        }
        return owners;
    }

    @Override
    public Optional<Touchpoint> find(TouchpointId id) {
        return lookup("id", id.value()).stream().findFirst();
    }

    @Override
    public Optional<Touchpoint> findByExternalEventId(String externalEventId) {
        return lookup("externalEventId", externalEventId).stream().findFirst();
    }

    @Override
    public List<Touchpoint> findByVisitor(String visitorId) {
        return lookup("visitorId", visitorId);
    }

    @Override
    public List<Touchpoint> findByLead(LeadId lead) {
        return lookup("leadId", lead.value());
    }

    @Override
    public List<Touchpoint> findByContact(ContactId contact) {
        return lookup("contactId", contact.value());
    }

    @Override
    public List<Touchpoint> findByAccount(AccountId account) {
        return lookup("accountId", account.value());
    }

    @Override
    public int linkVisitorToLead(String visitorId, LeadId lead) {
        return update("update TouchpointRow r set r.leadId = :lead"
                + " where r.tenantId = :tenant and r.visitorId = :visitor and r.leadId is null")
                .setParameter("lead", lead.value())
                .setParameter("visitor", visitorId)
                .executeUpdate();
    }

    @Override
    public int reassignLead(LeadId from, LeadId to) {
        return update("update TouchpointRow r set r.leadId = :to where r.tenantId = :tenant and r.leadId = :from")
                .setParameter("to", to.value())
                .setParameter("from", from.value())
                .executeUpdate();
    }

    @Override
    public int linkLeadToContact(LeadId lead, ContactId contact, AccountId account) {
        // Counts only rows that change, as the in-memory adapter does.
        return update("update TouchpointRow r set r.contactId = :contact, r.accountId = :account"
                + " where r.tenantId = :tenant and r.leadId = :lead"
                + " and (r.contactId is distinct from :contact or r.accountId is distinct from :account)")
                .setParameter("lead", lead.value())
                .setParameter("contact", Ids.uuid(contact))
                .setParameter("account", Ids.uuid(account))
                .executeUpdate();
    }

    private MutationQuery update(String hql) {
        return tx.sessionForWrite().createMutationQuery(hql).setParameter("tenant", tx.tenantId());
    }

    private List<Touchpoint> lookup(String column, Object value) {
        SelectionQuery<TouchpointEntity> q = tx.session().createSelectionQuery(
                "from TouchpointRow r where r.tenantId = :tenant and r." + column + " = :value order by "
                        + ORDER,
                TouchpointEntity.class);
        return q.setParameter("tenant", tx.tenantId()).setParameter("value", value).getResultList().stream()
                .map(TouchpointMapper::toTouchpoint).toList();
    }

    @Override
    public void forEachOccurred(Instant from, Instant to, Consumer<? super Touchpoint> visitor) {
        JpaRepository.streamBetween(tx, "TouchpointRow", TouchpointEntity.class, "occurredAt", from, to,
                TouchpointMapper::toTouchpoint, visitor);
    }

    @Override
    public void forEachDayTotal(@Nullable LocalDate from, @Nullable LocalDate to,
                                Consumer<? super TouchpointDayTotal> visitor) {
        tx.jdbcRead(c -> TouchpointDayTotals.forEach(c, tx.tenantId(), tx.database(), from, to, visitor));
    }
}
