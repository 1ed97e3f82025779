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
import javax.sql.DataSource;

/**
 * The indexes of a table as the database itself reports them (JDBC metadata), for tests that every lookup of a
 * repository is backed by one. Query plans are not asserted: on the tests' tiny tables the planners rightly prefer
 * other paths.
 */
final class IndexMetadata {
    private IndexMetadata() {
    }

    /**
     * Asserts that {@code table} has an index whose leading columns are {@code columns} (space separated: the
     * tenant, the looked-up columns, then the list order); a {@code unique} lookup needs a unique index of exactly
     * those columns.
     */
    static void assertBackedByIndex(DataSource dataSource, String lookup, String table, String columns,
                                    boolean unique) throws SQLException {
        List<String> wanted = List.of(columns.split(" "));
        Map<String, Index> indexes = indexes(dataSource, table);
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
    private static Map<String, Index> indexes(DataSource dataSource, String table) throws SQLException {
        Map<String, Index> indexes = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
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
