package dev.crmkit.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plain JDBC reads of this tenant's rows whose column is one of many values, on the transaction's connection: a batch
 * of imported rows asks for thousands, and binding them through a query of Hibernate's (a new SQL translation for
 * each length of {@code IN} list) cost more than the index scans. PostgreSQL takes them as one array parameter (one
 * statement text, prepared once on the server); the other databases as {@code IN} lists of at most
 * {@link #VALUES_PER_QUERY}.
 */
final class JdbcLookup {
    private static final int VALUES_PER_QUERY = 1000;

    private JdbcLookup() {
    }

    /** Reads one result row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs, Database db) throws SQLException;
    }

    /**
     * Runs {@code SELECT columns FROM table WHERE tenant_id = ? AND column IN values} (in parts), handing each result
     * row to {@code reader}. {@code values} are strings or UUIDs ({@code uuids}).
     */
    static void select(JpaTx tx, String columns, String table, String column, List<?> values, boolean uuids,
                       RowReader reader) {
        union(tx, List.of("SELECT " + columns + " FROM " + table + " WHERE tenant_id = ? AND " + column), values,
                uuids, reader);
    }

    /**
     * Runs {@code selects}, each {@code SELECT ... WHERE tenant_id = ? AND column} that this completes with "the
     * column is one of {@code values}", as one {@code UNION ALL} statement (in parts), handing each result row to
     * {@code reader}.
     */
    static void union(JpaTx tx, List<String> selects, List<?> values, boolean uuids, RowReader reader) {
        if (values.isEmpty()) {
            return;
        }
        Database db = tx.database();
        int step = db == Database.POSTGRESQL ? values.size() : VALUES_PER_QUERY;
        tx.flush(); // rows still in Hibernate's batch are this transaction's: the read must see them
        for (int from = 0; from < values.size(); from += step) {
            List<?> part = values.subList(from, Math.min(values.size(), from + step));
            String in = db == Database.POSTGRESQL ? " = ANY (?)"
                    : " IN (" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
            String sql = selects.stream().map(select -> select + in).collect(Collectors.joining(" UNION ALL "));
            tx.jdbcRead(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    for (int n = 0; n < selects.size(); n++) {
                        s.setString(i++, tx.tenantId());
                        if (db == Database.POSTGRESQL) {
                            s.setArray(i++, c.createArrayOf(uuids ? "uuid" : "text", part.toArray()));
                            continue;
                        }
                        for (Object value : part) {
                            if (uuids) {
                                JdbcParameters.uuid(s, i++, (UUID) value, db);
                            } else {
                                s.setString(i++, (String) value);
                            }
                        }
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs, db);
                        }
                    }
                }
            });
        }
    }
}
