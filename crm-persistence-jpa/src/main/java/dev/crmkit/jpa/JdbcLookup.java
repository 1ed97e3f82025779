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
 * statement text, prepared once on the server); H2 as an array too, joined to the table: H2 looks an {@code IN} list
 * up in an index only on the index's first column, and every key here follows the tenant, so a list scanned all the
 * tenant's rows (a capture among 10,000 leads read them all); MariaDB as {@code IN} lists of at most
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

    /** {@code SELECT columns FROM table} of this tenant's rows whose {@code column} is one of the values. */
    record Select(String columns, String table, String column) {
        String sql(Database db, int values) {
            return switch (db) {
                case POSTGRESQL -> "SELECT " + columns + " FROM " + table + " WHERE tenant_id = ? AND " + column
                        + " = ANY (?)";
                case H2 -> "SELECT " + columns + " FROM UNNEST(?) AS wanted (v) JOIN " + table + " ON tenant_id = ?"
                        + " AND " + column + " = wanted.v";
                case MARIADB -> "SELECT " + columns + " FROM " + table + " WHERE tenant_id = ? AND " + column + " IN ("
                        + String.join(", ", Collections.nCopies(values, "?")) + ")";
            };
        }
    }

    /**
     * Runs {@code SELECT columns FROM table WHERE tenant_id = ? AND column IN values} (in parts), handing each result
     * row to {@code reader}. {@code values} are strings or UUIDs ({@code uuids}).
     */
    static void select(JpaTx tx, String columns, String table, String column, List<?> values, boolean uuids,
                       RowReader reader) {
        union(tx, List.of(new Select(columns, table, column)), values, uuids, reader);
    }

    /** Runs {@code selects} for {@code values} as one {@code UNION ALL} statement (in parts), each row to {@code reader}. */
    static void union(JpaTx tx, List<Select> selects, List<?> wanted, boolean uuids, RowReader reader) {
        if (wanted.isEmpty()) {
            return;
        }
        List<?> values = wanted.stream().distinct().toList(); // a join would return a repeated value's rows twice
        Database db = tx.database();
        int step = db == Database.MARIADB ? VALUES_PER_QUERY : values.size();
        tx.flush(); // rows still in Hibernate's batch are this transaction's: the read must see them
        for (int from = 0; from < values.size(); from += step) {
            List<?> part = values.subList(from, Math.min(values.size(), from + step));
            String sql = selects.stream().map(select -> select.sql(db, part.size()))
                    .collect(Collectors.joining(" UNION ALL "));
            tx.jdbcRead(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    for (int n = 0; n < selects.size(); n++) {
                        if (db == Database.H2) {
                            s.setObject(i++, part.toArray(uuids ? new UUID[0] : new String[0]));
                            s.setString(i++, tx.tenantId());
                            continue;
                        }
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
