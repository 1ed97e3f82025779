package dev.crmkit.core.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage SPI for imports: the rows already imported (by content hash) and the saved column mappings. */
public interface ImportRepository {
    /** The rows among {@code keys} imported before, by key. */
    Map<String, ImportedRow> findRows(Collection<String> keys);

    /** Remembers imported rows; a key stored already is a {@code DuplicateException}. */
    void insertRows(Collection<ImportedRow> rows);

    /** Stores the mapping under its name, replacing one saved before under that name. */
    void saveMapping(SavedMapping mapping);

    Optional<SavedMapping> findMapping(String name);

    /** Every saved mapping, by name. */
    List<SavedMapping> mappings();
}
