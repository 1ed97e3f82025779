package dev.crmkit.core.memory;

import dev.crmkit.core.automation.AutomationRepository.Chain;
import dev.crmkit.core.automation.AutomationRule;
import dev.crmkit.core.automation.DueRun;
import dev.crmkit.core.automation.RuleId;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.common.SegmentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One tenant's workflow rules, run log, chains and delayed runs; guarded by the tenant's lock like every table. */
final class AutomationTables {
    static final Comparator<DueRun> BY_DUE = Comparator.comparing(DueRun::dueAt).thenComparing(DueRun::id);

    final MemoryTable<RuleId, AutomationRule> rules = new MemoryTable<>("AutomationRule", AutomationRule::id,
            List.of());

    /** The run log by its unique key (origin, rule, record). */
    final Map<RunKey, RuleRun> runs = new HashMap<>();
    final Map<UUID, RuleRun> runsById = new HashMap<>();
    final Map<RuleId, Map<UUID, RuleRun>> runsByRule = new HashMap<>();
    final Map<String, Map<UUID, RuleRun>> runsByRecord = new HashMap<>();

    final Map<UUID, Chain> chains = new HashMap<>();

    /** Watched segments' members as last compared. */
    final Map<SegmentId, Set<UUID>> watches = new HashMap<>();

    final Map<UUID, DueRun> due = new HashMap<>();
    final Map<RunKey, UUID> dueByKey = new HashMap<>();
    final TreeSet<DueRun> dueByTime = new TreeSet<>(BY_DUE);
    /** Delayed runs by rule and record: what an {@code unless} event cancels, without a scan. */
    final Map<RuleRecord, Set<UUID>> dueByRuleRecord = new HashMap<>();

    record RuleRecord(RuleId rule, String record) {
        static RuleRecord of(DueRun d) {
            return new RuleRecord(d.rule(), d.recordId());
        }
    }

    record RunKey(UUID origin, RuleId rule, String record) {
        static RunKey of(RuleRun r) {
            return new RunKey(r.origin(), r.rule(), r.recordId());
        }

        static RunKey of(DueRun d) {
            return new RunKey(d.origin(), d.rule(), d.recordId());
        }
    }

    /** Stores {@code r}, replacing the run with its id. */
    void putRun(RuleRun r) {
        runs.put(RunKey.of(r), r);
        runsById.put(r.id(), r);
        runsByRule.computeIfAbsent(r.rule(), k -> new HashMap<>()).put(r.id(), r);
        runsByRecord.computeIfAbsent(r.recordId(), k -> new HashMap<>()).put(r.id(), r);
    }

    void removeRun(RuleRun r) {
        runs.remove(RunKey.of(r));
        runsById.remove(r.id());
        // Every stored run is in both indexes.
        Objects.requireNonNull(runsByRule.get(r.rule())).remove(r.id());
        Objects.requireNonNull(runsByRecord.get(r.recordId())).remove(r.id());
    }

    void addDue(DueRun d) {
        due.put(d.id(), d);
        dueByKey.put(RunKey.of(d), d.id());
        dueByTime.add(d);
        dueByRuleRecord.computeIfAbsent(RuleRecord.of(d), k -> new HashSet<>()).add(d.id());
    }

    /** The delayed runs of {@code rule} on {@code record}. */
    List<DueRun> dueOf(RuleId rule, String record) {
        return dueByRuleRecord.getOrDefault(new RuleRecord(rule, record), Set.of()).stream().map(due::get).toList();
    }

    @Nullable DueRun removeDue(UUID id) {
        DueRun d = due.remove(id);
        if (d != null) {
            dueByKey.remove(RunKey.of(d));
            dueByTime.remove(d);
            Set<UUID> same = Objects.requireNonNull(dueByRuleRecord.get(RuleRecord.of(d)));
            same.remove(id);
            if (same.isEmpty()) {
                dueByRuleRecord.remove(RuleRecord.of(d));
            }
        }
        return d;
    }

    List<DueRun> dueBy(Instant now, int limit) {
        List<DueRun> out = new ArrayList<>();
        for (DueRun d : dueByTime) {
            if (d.dueAt().isAfter(now) || out.size() == limit) {
                break;
            }
            out.add(d);
        }
        return out;
    }
}
