package dev.crmkit.core.memory;

import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.transfer.ImportRepository;
import dev.crmkit.core.transfer.ImportedRow;
import dev.crmkit.core.transfer.SavedMapping;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One tenant's imported rows and saved mappings, guarded by the tenant's lock, every change undone on rollback. */
final class MemoryImportRepository implements ImportRepository {
    private final Map<String, ImportedRow> rows;
    private final Map<String, SavedMapping> mappings;
    private final MemoryTx tx;

    MemoryImportRepository(Map<String, ImportedRow> rows, Map<String, SavedMapping> mappings, MemoryTx tx) {
        this.rows = rows;
        this.mappings = mappings;
        this.tx = tx;
    }

    @Override
    public Map<String, ImportedRow> findRows(Collection<String> keys) {
        tx.checkOpen();
        Map<String, ImportedRow> found = new HashMap<>();
        for (String key : keys) {
            ImportedRow row = rows.get(key);
            if (row != null) {
                found.put(key, row);
            }
        }
        return found;
    }

    @Override
    public void insertRows(Collection<ImportedRow> imported) {
        UndoLog undo = tx.undoForWrite();
        for (ImportedRow row : imported) {
            if (rows.containsKey(row.key())) {
                throw new DuplicateException("imported row " + row.key() + " already exists");
            }
        }
        for (ImportedRow row : imported) {
            rows.put(row.key(), row);
            undo.add(() -> rows.remove(row.key()));
        }
    }

    @Override
    public void saveMapping(SavedMapping mapping) {
        UndoLog undo = tx.undoForWrite();
        SavedMapping before = mappings.put(mapping.name(), mapping);
        undo.add(() -> {
            if (before == null) {
                mappings.remove(mapping.name());
            } else {
                mappings.put(mapping.name(), before);
            }
        });
    }

    @Override
    public Optional<SavedMapping> findMapping(String name) {
        tx.checkOpen();
        return Optional.ofNullable(mappings.get(name));
    }

    @Override
    public List<SavedMapping> mappings() {
        tx.checkOpen();
        return mappings.values().stream().sorted(Comparator.comparing(SavedMapping::name)).toList();
    }
}
