package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.function.Consumer;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;

/**
 * Touchpoints are append-only and arrive in bulk. They are written with plain JDBC, one batched INSERT on the
 * session's connection ({@link JpaStorage#BATCH_SIZE} rows per round trip), bound as the {@link TouchpointEntity}
 * mapping stores them (see {@link JdbcParameters}); reads and the bulk link updates go through Hibernate. Idempotency
 * rests on the unique constraint on (tenant, external event id): a batch is inserted inside a savepoint, and only
 * when the constraint rejects it is the savepoint rolled back, one indexed query finds the stored external ids and
 * the rest is inserted. This also holds when two writers ingest the same event at once. The adapter translates the
 * rejection itself, so a repeated event (routine with at-least-once delivery) is not logged by Hibernate as an error.
 */
final class JpaTouchpointRepository implements TouchpointRepository {
    private static final String INSERT = "INSERT INTO crm_touchpoint (tenant_id, id, kind, occurred_at,"
            + " external_event_id, visitor_id, lead_id, contact_id, account_id, campaign_id, ad_id, affiliate_id,"
            + " channel, event_count, value_amount, value_currency, duration_seconds, outcome, detail, rep_id,"
            + " first_click, last_click) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
            SQLException failure = tx.session().doReturningWork(c -> insert(c, candidates));
            if (failure != null) {
                throw Errors.translate(failure);
            }
            return candidates;
        }
        // Optimistic: new events are the rule, so insert first and let the unique constraint find the repeats. Only
        // then ask which external ids are stored (also ones a concurrent writer just committed) and insert the rest.
        List<String> ids = new ArrayList<>(externalIds);
        Set<String> stored = new HashSet<>();
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
            if (!(e instanceof DuplicateException) || !stored.addAll(storedExternalIds(ids))) {
                throw e;
            }
        }
    }

    /**
     * Inserts {@code rows}, given in external id order, or rolls them all back and returns why not. The order makes
     * writers of overlapping batches wait for each other's keys in one order instead of each holding a key the
     * other waits for (a deadlock, which rolls back a whole transaction).
     */
    private SQLException insertInSavepoint(Connection connection, List<Touchpoint> rows) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        SQLException failure = insert(connection, rows);
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
     * One batched INSERT on the session's connection. A failure is returned, not thrown: thrown out of
     * {@code doWork}, Hibernate would log it (a repeated event is routine, not an error) before wrapping it.
     */
    private SQLException insert(Connection connection, List<Touchpoint> rows) {
        Database db = tx.database();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int batched = 0;
            for (Touchpoint t : rows) {
                bind(statement, TouchpointMapper.toRow(tx.tenantId(), t), db);
                statement.addBatch();
                if (++batched == JpaStorage.BATCH_SIZE) {
                    statement.executeBatch();
                    batched = 0;
                }
            }
            if (batched > 0) {
                statement.executeBatch();
            }
            return null;
        } catch (SQLException e) {
            return e;
        }
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

}
