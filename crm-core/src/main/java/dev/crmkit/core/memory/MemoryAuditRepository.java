package dev.crmkit.core.memory;

import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditRepository;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One tenant's audit entries in the order they were appended, with each record's own, undone on rollback. */
final class MemoryAuditRepository implements AuditRepository {
    private static final Comparator<AuditEntry> BY_VERSION = Comparator.comparingLong(AuditEntry::version)
            .thenComparing(AuditEntry::at).thenComparing(AuditEntry::id);
    private static final Comparator<AuditEntry> BY_TIME = Comparator.comparing(AuditEntry::at)
            .thenComparing(AuditEntry::id);

    private final AuditTables tables;
    private final MemoryTx tx;

    MemoryAuditRepository(AuditTables tables, MemoryTx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        UndoLog undo = tx.undoForWrite();
        for (AuditEntry e : entries) {
            tables.all.add(e);
            List<AuditEntry> own = tables.byRecord.computeIfAbsent(e.recordId(), id -> new ArrayList<>(2));
            own.add(e);
            undo.add(() -> {
                tables.all.remove(tables.all.size() - 1);
                // looked up now: a later deleteBefore's undo may have put copies in the map
                List<AuditEntry> now = tables.byRecord.get(e.recordId());
                if (now != null) {
                    now.remove(now.size() - 1);
                    if (now.isEmpty()) {
                        tables.byRecord.remove(e.recordId());
                    }
                }
            });
        }
    }

    @Override
    public Page<AuditEntry> forRecord(UUID recordId, PageRequest page) {
        tx.checkOpen();
        return Page.of(tables.byRecord.getOrDefault(recordId, List.of()).stream().sorted(BY_VERSION).toList(), page);
    }

    @Override
    public Page<AuditEntry> byActor(UserId actor, Instant from, Instant to, PageRequest page) {
        tx.checkOpen();
        return Page.of(tables.all.stream().filter(e -> e.actor().equals(actor) && !e.at().isBefore(from)
                && e.at().isBefore(to)).sorted(BY_TIME).toList(), page);
    }

    @Override
    public long deleteBefore(Instant cutoff) {
        UndoLog undo = tx.undoForWrite();
        List<AuditEntry> all = List.copyOf(tables.all);
        Map<UUID, List<AuditEntry>> byRecord = AuditTables.copy(tables.byRecord);
        int before = tables.all.size();
        tables.all.removeIf(e -> e.at().isBefore(cutoff));
        tables.byRecord.values().forEach(own -> own.removeIf(e -> e.at().isBefore(cutoff)));
        tables.byRecord.values().removeIf(List::isEmpty);
        undo.add(() -> {
            tables.all.clear();
            tables.all.addAll(all);
            tables.byRecord.clear();
            tables.byRecord.putAll(byRecord);
        });
        return before - tables.all.size();
    }

    /** The tables: every entry, and each record's. */
    static final class AuditTables {
        final List<AuditEntry> all = new ArrayList<>();
        final Map<UUID, List<AuditEntry>> byRecord = new HashMap<>();

        static Map<UUID, List<AuditEntry>> copy(Map<UUID, List<AuditEntry>> byRecord) {
            Map<UUID, List<AuditEntry>> copy = new HashMap<>();
            byRecord.forEach((id, own) -> copy.put(id, new ArrayList<>(own)));
            return copy;
        }
    }
}
