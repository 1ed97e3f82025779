package dev.crmkit.core.memory;

import dev.crmkit.core.automation.AutomationRepository;
import dev.crmkit.core.automation.AutomationRule;
import dev.crmkit.core.automation.DueRun;
import dev.crmkit.core.automation.RuleId;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.memory.AutomationTables.RunKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

final class MemoryAutomationRepository extends MemoryRepository<RuleId, AutomationRule>
        implements AutomationRepository {
    static final Comparator<AutomationRule> RUN_ORDER = Comparator.comparingInt(AutomationRule::position)
            .thenComparing(AutomationRule::id);
    private static final Comparator<RuleRun> LATEST_FIRST = Comparator.comparing(RuleRun::ranAt)
            .thenComparing(RuleRun::id, EntityId::compare).reversed();

    private final AutomationTables tables;

    MemoryAutomationRepository(AutomationTables tables, MemoryTx tx) {
        super(tables.rules, tx);
        this.tables = tables;
    }

    @Override
    public List<AutomationRule> list() {
        tx.checkOpen();
        return table.scan().sorted(RUN_ORDER).toList();
    }

    @Override
    public void delete(AutomationRule rule) {
        UndoLog undo = tx.undoForWrite();
        table.remove(rule.id(), rule.version(), Versioned::version, undo);
        List<DueRun> waiting = tables.due.values().stream().filter(d -> d.rule().equals(rule.id())).toList();
        waiting.forEach(d -> tables.removeDue(d.id()));
        undo.add(() -> waiting.forEach(tables::addDue));
    }

    @Override
    public Optional<RuleRun> findRun(UUID origin, RuleId rule, String recordId) {
        tx.checkOpen();
        return Optional.ofNullable(tables.runs.get(new RunKey(origin, rule, recordId)));
    }

    @Override
    public void saveRun(RuleRun run) {
        UndoLog undo = tx.undoForWrite();
        if (tables.runs.containsKey(RunKey.of(run))) {
            throw new DuplicateException("rule " + run.rule() + " ran on " + run.recordId() + " for " + run.origin());
        }
        tables.putRun(run);
        undo.add(() -> tables.removeRun(run));
    }

    @Override
    public void recordActions(UUID run, List<String> actions) {
        UndoLog undo = tx.undoForWrite();
        RuleRun before = Objects.requireNonNull(tables.runsById.get(run), "no such run");
        RuleRun after = new RuleRun(before.id(), before.rule(), before.ruleVersion(), before.ruleName(),
                before.origin(), before.event(), before.eventType(), before.recordType(), before.recordId(),
                before.depth(), before.outcome(), actions, before.error(), before.ranAt());
        tables.putRun(after);
        undo.add(() -> tables.putRun(before));
    }

    @Override
    public Page<RuleRun> runsOf(RuleId rule, PageRequest page) {
        tx.checkOpen();
        return Page.of(tables.runsByRule.getOrDefault(rule, Map.of()).values().stream().sorted(LATEST_FIRST)
                .toList(), page);
    }

    @Override
    public Page<RuleRun> runsOn(String recordId, PageRequest page) {
        tx.checkOpen();
        return Page.of(tables.runsByRecord.getOrDefault(recordId, Map.of()).values().stream().sorted(LATEST_FIRST)
                .toList(), page);
    }

    @Override
    public long countRuns(RuleId rule) {
        tx.checkOpen();
        return tables.runsByRule.getOrDefault(rule, Map.of()).size();
    }

    @Override
    public void saveChain(UUID event, Chain chain) {
        UndoLog undo = tx.undoForWrite();
        Chain before = tables.chains.put(event, chain);
        undo.add(() -> {
            if (before == null) {
                tables.chains.remove(event);
            } else {
                tables.chains.put(event, before);
            }
        });
    }

    @Override
    public Optional<Chain> chainOf(UUID event) {
        tx.checkOpen();
        return Optional.ofNullable(tables.chains.get(event));
    }

    @Override
    public Optional<Set<UUID>> claimWatch(SegmentId segment) {
        // The tenant's write lock already serializes writers.
        tx.undoForWrite();
        Set<UUID> members = tables.watches.get(segment);
        return members == null ? Optional.empty() : Optional.of(Set.copyOf(members));
    }

    @Override
    public void saveWatch(SegmentId segment, Set<UUID> entered, Set<UUID> left) {
        UndoLog undo = tx.undoForWrite();
        Set<UUID> before = tables.watches.get(segment);
        Set<UUID> after = new HashSet<>(before == null ? Set.of() : before);
        after.addAll(entered);
        after.removeAll(left);
        tables.watches.put(segment, after);
        undo.add(() -> {
            if (before == null) {
                tables.watches.remove(segment);
            } else {
                tables.watches.put(segment, before);
            }
        });
    }

    @Override
    public void schedule(DueRun run) {
        UndoLog undo = tx.undoForWrite();
        if (tables.dueByKey.containsKey(RunKey.of(run))) {
            return;
        }
        tables.addDue(run);
        undo.add(() -> tables.removeDue(run.id()));
    }

    @Override
    public List<DueRun> due(Instant now, int limit) {
        tx.checkOpen();
        return tables.dueBy(now, limit);
    }

    @Override
    public boolean take(UUID dueRun) {
        UndoLog undo = tx.undoForWrite();
        DueRun taken = tables.removeDue(dueRun);
        if (taken != null) {
            undo.add(() -> tables.addDue(taken));
        }
        return taken != null;
    }

    @Override
    public int cancel(RuleId rule, String recordId) {
        UndoLog undo = tx.undoForWrite();
        List<DueRun> waiting = tables.dueOf(rule, recordId);
        waiting.forEach(d -> tables.removeDue(d.id()));
        undo.add(() -> waiting.forEach(tables::addDue));
        return waiting.size();
    }
}
