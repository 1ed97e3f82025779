package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A table's indexes as the database's metadata reports them, for the tests that every lookup has one. */
final class TableIndexes {
    private TableIndexes() {
    }

    /**
     * Asserts that {@code table} has an index whose leading columns are {@code columns} (space-separated); a
     * {@code unique} one must be unique on exactly them.
     */
    static void assertBacked(TestDatabase database, String lookup, String table, String columns, boolean unique)
            throws SQLException {
        List<String> wanted = List.of(columns.split(" "));
        Map<String, Index> indexes = indexes(database, table);
        assertThat(indexes.values()).as(lookup + " on " + table + ": " + indexes)
                .anySatisfy(index -> {
                    assertThat(index.columns.subList(0, Math.min(wanted.size(), index.columns.size())))
                            .isEqualTo(wanted);
                    if (unique) {
                        assertThat(index.unique).isTrue();
                        assertThat(index.columns).isEqualTo(wanted);
                    }
                });
    }

    private record Index(boolean unique, List<String> columns) {
    }

    /** The table's indexes by name, with their columns in key order. */
    private static Map<String, Index> indexes(TestDatabase database, String table) throws SQLException {
        Map<String, Index> indexes = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), name, false, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index == null) {
                        continue; // table statistics row
                    }
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
                    unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            columns.forEach((index, cols) -> indexes.put(index, new Index(unique.get(index),
                    new ArrayList<>(cols.values()))));
        }
        return indexes;
    }
}
