package dev.crmkit.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database-wide lock for one schema, held on a connection of its own while Flyway migrates on others, so that nodes
 * starting at once migrate one after the other. Flyway's own locking starts only once its history table exists;
 * creating that table and the baseline is what raced. PostgreSQL: a session advisory lock keyed by the schema;
 * MariaDB: {@code GET_LOCK} named after the database; H2 (no advisory locks): a row lock on {@code crm_migration_lock},
 * a one-row table created on first use. A node that dies while holding it releases it with its connection.
 */
final class MigrationLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    /** First key of the PostgreSQL advisory lock ("CRMK"); the second is the schema's. */
    private static final int PG_KEY = 0x43524d4b;
    /** MariaDB's limit on a lock name. */
    private static final int MARIADB_NAME_MAX = 64;

    private final Connection connection;
    private final Database database;
    private final String name;

    private MigrationLock(Connection connection, Database database, String name) {
        this.connection = connection;
        this.database = database;
        this.name = name;
    }

    /**
     * Waits up to {@code wait} for the lock of {@code dataSource}'s default schema; fails with {@link SchemaException}
     * when another node holds it longer. Needs one connection of the pool for as long as it is held.
     */
    static MigrationLock acquire(DataSource dataSource, Database database, Duration wait) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            String name = switch (database) {
                case POSTGRESQL -> lockPostgres(c, wait);
                case MARIADB -> lockMariaDb(c, wait);
                case H2 -> lockH2(c, wait);
            };
            return new MigrationLock(c, database, name);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    private static String lockPostgres(Connection c, Duration wait) throws SQLException {
        String schema = c.getSchema();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            s.setInt(1, PG_KEY);
            s.setInt(2, schema.hashCode());
            s.setQueryTimeout(seconds(wait));
            s.execute();
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) { // canceled by the query timeout
                throw timedOut(schema, wait, e);
            }
            throw e;
        }
        return schema;
    }

    private static String lockMariaDb(Connection c, Duration wait) throws SQLException {
        String database = c.getCatalog();
        String name = "crmkit_migration:" + database;
        if (name.length() > MARIADB_NAME_MAX) {
            name = "crmkit_migration:" + Integer.toHexString(database.hashCode());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            s.setString(1, name);
            s.setLong(2, seconds(wait));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) { // 0: timed out; NULL: an error
                    throw timedOut(database, wait, null);
                }
            }
        }
        return name;
    }

    /** Holds a row lock in an open transaction, which H2 keeps until the commit in {@link #close()}. */
    private static String lockH2(Connection c, Duration wait) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS crm_migration_lock (id INT PRIMARY KEY)");
            try {
                // Not MERGE: that would wait for the row lock of the node migrating now, with H2's short timeout.
                s.execute("INSERT INTO crm_migration_lock (id) SELECT 1 FROM (VALUES 1)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM crm_migration_lock)");
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // another node inserted it first
                    throw e;
                }
            }
            s.execute("SET LOCK_TIMEOUT " + wait.toMillis());
            c.setAutoCommit(false);
            try {
                s.executeQuery("SELECT id FROM crm_migration_lock WHERE id = 1 FOR UPDATE").close();
            } catch (SQLException e) {
                if ("HYT00".equals(e.getSQLState())) { // lock timeout
                    throw timedOut(c.getSchema(), wait, e);
                }
                throw e;
            }
        }
        return "crm_migration_lock";
    }

    private static SchemaException timedOut(String schema, Duration wait, SQLException cause) {
        return new SchemaException("another node has been migrating the CRMKit schema " + schema + " for more than "
                + wait.toMinutes() + " minutes; start this node again when it has finished (a node that died"
                + " while migrating released the lock with its connection)", cause);
    }

    private static int seconds(Duration wait) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toSeconds()));
    }

    /** Releases the lock and hands the connection back (settings restored: pools reuse it). */
    @Override
    public void close() {
        try (Connection c = connection) {
            switch (database) {
                case POSTGRESQL -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                        s.setInt(1, PG_KEY);
                        s.setInt(2, name.hashCode());
                        s.execute();
                    }
                }
                case MARIADB -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                        s.setString(1, name);
                        s.execute();
                    }
                }
                case H2 -> {
                    c.commit();
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCK_TIMEOUT " + H2_DEFAULT_LOCK_TIMEOUT_MS);
                    }
                }
            }
        } catch (SQLException e) {
            // The lock dies with its session; a pool that keeps a broken connection finds out on its next use.
            LOG.warn("could not release the CRMKit migration lock cleanly (it is released with the connection)", e);
        }
    }

    /** H2's default, which the lock connection gets back before it returns to the pool. */
    private static final int H2_DEFAULT_LOCK_TIMEOUT_MS = 10_000;

    private static void closeQuietly(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
