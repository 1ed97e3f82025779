package dev.crmkit.jpa;

import dev.crmkit.core.automation.AutomationRepository;
import dev.crmkit.core.automation.AutomationRule;
import dev.crmkit.core.automation.DueRun;
import dev.crmkit.core.automation.RuleDefinition;
import dev.crmkit.core.automation.RuleId;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.automation.RunOutcome;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.jpa.AutomationMapping.ChainRow;
import dev.crmkit.jpa.AutomationMapping.DueRow;
import dev.crmkit.jpa.AutomationMapping.MemberRow;
import dev.crmkit.jpa.AutomationMapping.RuleRow;
import dev.crmkit.jpa.AutomationMapping.RunRow;
import dev.crmkit.jpa.AutomationMapping.WatchRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

final class JpaAutomationRepository extends JpaRepository<RuleId, AutomationRule, RuleRow>
        implements AutomationRepository {
    private static final String RUNS = "AutomationRunRow";
    private static final String DUE = "AutomationDueRow";

    JpaAutomationRepository(JpaTx tx) {
        super(tx, RuleRow.class);
    }

    @Override
    RuleRow toRow(AutomationRule rule) {
        RuleRow r = new RuleRow();
        r.name = rule.name();
        r.eventType = rule.definition().event();
        r.definition = rule.definition().toJson();
        r.runOrder = rule.position();
        r.enabled = rule.enabled();
        r.createdAt = rule.createdAt();
        r.updatedAt = rule.updatedAt();
        return r;
    }

    @Override
    AutomationRule toDomain(RuleRow r) {
        return new AutomationRule(RuleId.of(r.id), r.version, RuleDefinition.fromJson(r.definition), r.runOrder,
                r.enabled, r.createdAt, r.updatedAt);
    }

    @Override
    public List<AutomationRule> list() {
        // Sorted here: MariaDB's UUID type orders ids other than v6+ differently from the domain's order.
        return TaskMapping.sorted(list(new Filter(tx.tenantId()), "r.runOrder, r.id"),
                Comparator.comparingInt(AutomationRule::position).thenComparing(AutomationRule::id));
    }

    @Override
    public void delete(AutomationRule rule) {
        StatelessSession session = tx.sessionForWrite();
        RuleRow row = toRow(rule);
        row.tenantId = tx.tenantId();
        row.id = rule.id().value();
        row.version = rule.version();
        try {
            session.delete(row); // where version = :version
            tx.flush();
            session.createMutationQuery("delete from " + DUE + " d where d.tenantId = :tenant and d.ruleId = :rule")
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("rule", rule.id().value())
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind(), rule.id(), rule.version());
        }
    }

    @Override
    public Optional<RuleRun> findRun(UUID origin, RuleId rule, String recordId) {
        return tx.session().createSelectionQuery("from " + RUNS + " r where r.tenantId = :tenant"
                        + " and r.originEventId = :origin and r.ruleId = :rule and r.recordId = :record", RunRow.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("origin", origin)
                .setParameter("rule", rule.value())
                .setParameter("record", recordId)
                .getResultList().stream().findFirst().map(JpaAutomationRepository::run);
    }

    @Override
    public void saveRun(RuleRun run) {
        RunRow r = new RunRow();
        r.fill(tx.tenantId(), run.id(), run.rule(), run.origin(), run.event(),
                run.eventType(), run.recordType(), run.recordId(), run.depth());
        r.ruleVersion = run.ruleVersion();
        r.ruleName = run.ruleName();
        r.outcome = run.outcome().name();
        r.actions = JsonColumns.stringList(run.actions());
        r.error = run.error();
        r.ranAt = run.ranAt();
        insert(r);
    }

    @Override
    public void recordActions(UUID run, List<String> actions) {
        try {
            tx.sessionForWrite().createMutationQuery("update " + RUNS + " r set r.actions = :actions"
                            + " where r.tenantId = :tenant and r.id = :id")
                    .setParameter("actions", JsonColumns.stringList(actions))
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("id", run)
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public Page<RuleRun> runsOf(RuleId rule, PageRequest page) {
        return runs("r.ruleId = :key", rule.value(), page);
    }

    @Override
    public Page<RuleRun> runsOn(String recordId, PageRequest page) {
        return runs("r.recordId = :key", recordId, page);
    }

    private Page<RuleRun> runs(String condition, Object key, PageRequest page) {
        String where = " r where r.tenantId = :tenant and " + condition;
        long total = tx.session().createSelectionQuery("select count(r) from " + RUNS + where, Long.class)
                .setParameter("tenant", tx.tenantId()).setParameter("key", key).getSingleResult();
        if (total <= page.offset()) {
            return new Page<>(List.of(), page, total);
        }
        SelectionQuery<RunRow> q = tx.session().createSelectionQuery("from " + RUNS + where
                + " order by r.ranAt desc, r.id desc", RunRow.class);
        List<RuleRun> items = q.setParameter("tenant", tx.tenantId()).setParameter("key", key)
                .setFirstResult((int) page.offset()).setMaxResults(page.size())
                .getResultList().stream().map(JpaAutomationRepository::run).toList();
        return new Page<>(items, page, total);
    }

    @Override
    public long countRuns(RuleId rule) {
        return tx.session().createSelectionQuery("select count(r) from " + RUNS
                        + " r where r.tenantId = :tenant and r.ruleId = :rule", Long.class)
                .setParameter("tenant", tx.tenantId()).setParameter("rule", rule.value()).getSingleResult();
    }

    @Override
    public void saveChain(UUID event, Chain chain) {
        ChainRow r = new ChainRow();
        r.tenantId = tx.tenantId();
        r.eventId = event;
        r.originEventId = chain.origin();
        r.depth = chain.depth();
        insert(r);
    }

    @Override
    public Optional<Chain> chainOf(UUID event) {
        ChainRow r = tx.session().get(ChainRow.class, new ChainRow.Key(tx.tenantId(), event));
        return r == null ? Optional.empty() : Optional.of(new Chain(r.originEventId, r.depth));
    }

    @Override
    public Optional<Set<UUID>> claimWatch(SegmentId segment) {
        int locked;
        try {
            locked = tx.sessionForWrite().createMutationQuery("update AutomationWatchRow w set w.turns = w.turns + 1"
                            + " where w.tenantId = :tenant and w.segmentId = :segment")
                    .setParameter("tenant", tx.tenantId()).setParameter("segment", segment.value()).executeUpdate();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        if (locked == 0) {
            return Optional.empty();
        }
        return Optional.of(new HashSet<>(tx.session().createSelectionQuery("select m.memberId from "
                        + "AutomationMemberRow m where m.tenantId = :tenant and m.segmentId = :segment", UUID.class)
                .setParameter("tenant", tx.tenantId()).setParameter("segment", segment.value()).getResultList()));
    }

    @Override
    public void saveWatch(SegmentId segment, Set<UUID> entered, Set<UUID> left) {
        StatelessSession session = tx.sessionForWrite();
        try {
            if (session.get(WatchRow.class, new MemberRow.WatchKey(tx.tenantId(), segment.value())) == null) {
                WatchRow w = new WatchRow();
                w.tenantId = tx.tenantId();
                w.segmentId = segment.value();
                session.insert(w);
            }
            for (UUID member : entered) {
                MemberRow m = new MemberRow();
                m.tenantId = tx.tenantId();
                m.segmentId = segment.value();
                m.memberId = member;
                session.insert(m);
            }
            if (!left.isEmpty()) {
                session.createMutationQuery("delete from AutomationMemberRow m where m.tenantId = :tenant"
                                + " and m.segmentId = :segment and m.memberId in (:left)")
                        .setParameter("tenant", tx.tenantId()).setParameter("segment", segment.value())
                        .setParameterList("left", left).executeUpdate();
            }
            tx.flush();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public void schedule(DueRun run) {
        boolean waiting = !tx.session().createSelectionQuery("select d.id from " + DUE + " d where d.tenantId = :tenant"
                        + " and d.ruleId = :rule and d.recordId = :record and d.originEventId = :origin", UUID.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("rule", run.rule().value())
                .setParameter("record", run.recordId())
                .setParameter("origin", run.origin())
                .getResultList().isEmpty();
        if (waiting) {
            return;
        }
        DueRow r = new DueRow();
        r.fill(tx.tenantId(), run.id(), run.rule(), run.origin(), run.event(),
                run.eventType(), run.recordType(), run.recordId(), run.depth());
        r.dueAt = run.dueAt();
        insert(r);
    }

    @Override
    public List<DueRun> due(Instant now, int limit) {
        return tx.session().createSelectionQuery("from " + DUE + " d where d.tenantId = :tenant and d.dueAt <= :now"
                        + " order by d.dueAt, d.id", DueRow.class)
                .setParameter("tenant", tx.tenantId())
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(d -> new DueRun(d.id, RuleId.of(d.ruleId), d.originEventId, d.eventId, d.eventType,
                        d.recordType, d.recordId, d.depth, d.dueAt))
                .toList();
    }

    @Override
    public boolean take(UUID dueRun) {
        // The row lock makes a second taker wait for the first to commit, then delete nothing.
        return deleteDue(" and d.id = :id", "id", dueRun, null) == 1;
    }

    @Override
    public int cancel(RuleId rule, String recordId) {
        return deleteDue(" and d.ruleId = :rule and d.recordId = :record", "rule", rule.value(), recordId);
    }

    private int deleteDue(String condition, String name, Object value, String recordId) {
        try {
            var q = tx.sessionForWrite().createMutationQuery("delete from " + DUE + " d where d.tenantId = :tenant"
                    + condition).setParameter("tenant", tx.tenantId()).setParameter(name, value);
            if (recordId != null) {
                q.setParameter("record", recordId);
            }
            return q.executeUpdate();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private void insert(Object row) {
        try {
            tx.sessionForWrite().insert(row);
            tx.flush();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private static RuleRun run(RunRow r) {
        return new RuleRun(r.id, RuleId.of(r.ruleId), r.ruleVersion, r.ruleName, r.originEventId, r.eventId,
                r.eventType, r.recordType, r.recordId, r.depth, RunOutcome.valueOf(r.outcome),
                JsonColumns.stringList(r.actions), r.error, r.ranAt);
    }
}
