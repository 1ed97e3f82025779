package dev.crmkit.core.memory;

import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.consent.ConsentRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One tenant's consent records, each person's in order and their latest per purpose, undone on rollback. */
final class MemoryConsentRepository implements ConsentRepository {
    private final ConsentTables tables;
    private final MemoryTx tx;

    MemoryConsentRepository(ConsentTables tables, MemoryTx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public void append(List<ConsentRecord> records) {
        UndoLog undo = tx.undoForWrite();
        for (ConsentRecord record : records) {
            append(record, undo);
        }
    }

    private void append(ConsentRecord record, UndoLog undo) {
        List<ConsentRecord> own = tables.history.computeIfAbsent(record.person(), p -> new ArrayList<>(2));
        own.add(record);
        Map<ConsentPurpose, ConsentRecord> current = tables.current.computeIfAbsent(record.person(),
                p -> new EnumMap<>(ConsentPurpose.class));
        ConsentRecord before = current.put(record.purpose(), record);
        undo.add(() -> {
            own.remove(own.size() - 1);
            if (before == null) {
                current.remove(record.purpose());
            } else {
                current.put(record.purpose(), before);
            }
        });
    }

    @Override
    public List<ConsentRecord> history(UUID person) {
        tx.checkOpen();
        return List.copyOf(tables.history.getOrDefault(person, List.of()));
    }

    @Override
    public Map<ConsentPurpose, ConsentRecord> current(UUID person) {
        tx.checkOpen();
        Map<ConsentPurpose, ConsentRecord> current = tables.current.get(person);
        return current == null ? Map.of() : Map.copyOf(current);
    }

    @Override
    public Set<UUID> withdrawn(Collection<UUID> persons, ConsentPurpose purpose) {
        tx.checkOpen();
        Set<UUID> withdrawn = new HashSet<>();
        for (UUID person : persons) {
            Map<ConsentPurpose, ConsentRecord> current = tables.current.get(person);
            ConsentRecord latest = current == null ? null : current.get(purpose);
            if (latest != null && !latest.granted()) {
                withdrawn.add(person);
            }
        }
        return withdrawn;
    }

    /** Each person's records in order, and their latest per purpose. */
    static final class ConsentTables {
        final Map<UUID, List<ConsentRecord>> history = new HashMap<>();
        final Map<UUID, Map<ConsentPurpose, ConsentRecord>> current = new HashMap<>();
    }
}
