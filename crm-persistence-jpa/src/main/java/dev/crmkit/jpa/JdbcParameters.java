package dev.crmkit.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Binds and reads values on the adapter's own JDBC statements as Hibernate's mapping stores them, so both read the
 * same.
 */
final class JdbcParameters {
    private JdbcParameters() {
    }

    /** In UTC: MariaDB's DATETIME holds UTC wall-clock time; H2's and PostgreSQL's columns are WITH TIME ZONE. */
    static void instant(PreparedStatement s, int index, Instant value, Database db) throws SQLException {
        if (value == null) {
            s.setNull(index, db == Database.MARIADB ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (db == Database.MARIADB) {
            s.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /** As the driver's UUID type; MariaDB's UUID columns take (and compare with) their text. */
    static void uuid(PreparedStatement s, int index, UUID value, Database db) throws SQLException {
        if (db == Database.MARIADB) {
            s.setString(index, value == null ? null : value.toString());
        } else if (value == null) {
            s.setNull(index, Types.OTHER); // PostgreSQL infers uuid from the column
        } else {
            s.setObject(index, value);
        }
    }

    /** An instant read back as {@link #instant(PreparedStatement, int, Instant, Database)} bound it. */
    static Instant instant(ResultSet rs, int column, Database db) throws SQLException {
        return db == Database.MARIADB ? rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC)
                : rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A UUID read back as {@link #uuid(PreparedStatement, int, UUID, Database)} bound it. */
    static UUID uuid(ResultSet rs, int column, Database db) throws SQLException {
        return db == Database.MARIADB ? UUID.fromString(rs.getString(column)) : rs.getObject(column, UUID.class);
    }
}
