package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointRepository;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.function.Consumer;
import org.hibernate.StatelessSession;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;

/**
 * Touchpoints are append-only and arrive in bulk: rows go out in JDBC batches (the session's
 * {@code hibernate.jdbc.batch_size}). Idempotency rests on the unique constraint on (tenant, external event id): a
 * batch is inserted inside a savepoint, and only when the constraint rejects it does one indexed query find the
 * stored external ids, so the rest can be inserted. This also holds when two writers ingest the same event at once.
 */
final class JpaTouchpointRepository implements TouchpointRepository {
    private static final String ORDER = "r.occurredAt, r.id";
    /** A repeat that is still not found stored after this many tries is a duplicate touchpoint id, not a race. */
    private static final int MAX_ATTEMPTS = 3;
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
        if (externalIds.isEmpty()) {
            insert(candidates);
            return candidates;
        }
        // Optimistic: new events are the rule, so insert first and let the unique constraint find the repeats. Only
        // then ask which external ids are stored (also ones a concurrent writer just committed) and insert the rest.
        Set<String> stored = Set.of();
        for (int attempt = 1; ; attempt++) {
            List<Touchpoint> fresh = without(candidates, stored);
            Savepoint savepoint = tx.session().doReturningWork(Connection::setSavepoint);
            try {
                insert(fresh);
                tx.session().doWork(c -> c.releaseSavepoint(savepoint));
                return fresh;
            } catch (DuplicateException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                tx.session().doWork(c -> c.rollback(savepoint));
                stored = storedExternalIds(new ArrayList<>(externalIds));
            }
        }
    }

    private void insert(List<Touchpoint> touchpoints) {
        StatelessSession session = tx.sessionForWrite();
        try {
            for (Touchpoint t : touchpoints) {
                session.insert(TouchpointMapper.toRow(tx.tenantId(), t));
            }
            tx.flush();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
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
