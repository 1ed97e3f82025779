package dev.crmkit.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterInfo;
import org.mariadb.jdbc.MariaDbDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * A database for the adapter's tests, opened once per test run and shared by every test class that registers it
 * (the contract suites give each test a tenant of its own). PostgreSQL gets a fresh schema and MariaDB a fresh
 * database with a random name, dropped when the run ends. A server that cannot be reached skips the tests, or
 * fails them when {@code CRMKIT_REQUIRE_DATABASES=true} (as in {@code .ci/run}).
 */
final class TestDatabase implements BeforeAllCallback {
    enum Kind {
        H2("H2"), POSTGRESQL("PostgreSQL"), MARIADB("MariaDB");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String toString() {
            return displayName;
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabase.class);
    private static final String HOST = "127.0.0.1";
    /** Ports can be moved, e.g. to check what a run without the server reports: -Dcrmkit.test.pg.port=1. */
    private static final int PG_PORT = Integer.getInteger("crmkit.test.pg.port", 5432);
    private static final int MARIADB_PORT = Integer.getInteger("crmkit.test.mariadb.port", 3306);

    private final Kind kind;
    private Opened opened;

    private TestDatabase(Kind kind) {
        this.kind = kind;
    }

    static TestDatabase of(Kind kind) {
        return new TestDatabase(kind);
    }

    /** One of each kind: the runs of an {@link EachDatabase} class. */
    static Stream<TestDatabase> each() {
        return Stream.of(Kind.values()).map(TestDatabase::of);
    }

    /** The database servers (PostgreSQL, MariaDB): for tests of what only a network connection can do. */
    static Stream<TestDatabase> servers() {
        return Stream.of(Kind.POSTGRESQL, Kind.MARIADB).map(TestDatabase::of);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        openShared(context, context.getDisplayName());
    }

    /** Opens this run's database of this kind, shared with every test class that opens it so. */
    private void openShared(ExtensionContext context, String user) {
        opened = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(kind, k -> open(kind), Opened.class);
        requireAvailable(user);
    }

    /**
     * Opens a database of its own outside JUnit Jupiter (for jqwik properties, which have no Jupiter extensions),
     * also when the server cannot be reached: {@link #requireAvailable} then skips or fails its users.
     * {@link #closeStandalone()} drops it.
     */
    void openStandalone() {
        opened = open(kind);
    }

    void closeStandalone() throws SQLException {
        if (opened != null) {
            opened.close();
        }
    }

    void requireAvailable(String user) {
        if (opened.unavailable != null) {
            if (Boolean.parseBoolean(System.getenv("CRMKIT_REQUIRE_DATABASES"))) {
                throw new IllegalStateException(opened.unavailable);
            }
            String message = opened.unavailable + " (set CRMKIT_REQUIRE_DATABASES=true to fail instead of skip)";
            LoggerFactory.getLogger(TestDatabase.class).warn("Skipping {}: {}", user, message);
            Assumptions.abort(message);
        }
    }

    /** The storage shared by this run's tests on this database. */
    JpaStorage storage() {
        return opened.storage;
    }

    /**
     * A JDBC URL of this run's schema for another process (user and password included), or null for H2, whose
     * database lives in this JVM's memory.
     */
    String jdbcUrl() {
        return opened.url;
    }

    /** A pooled data source on this run's schema, e.g. for a second storage instance ("another node"). */
    DataSource dataSource() {
        return opened.pool;
    }

    Kind kind() {
        return kind;
    }

    /**
     * An empty schema of its own on this run's server (PostgreSQL schema, MariaDB database, H2 in-memory database),
     * for tests of start-up and of connection faults; {@link Fresh#close()} closes its pools and drops it. Call only
     * from a test of a run whose database is available.
     */
    Fresh fresh() throws SQLException {
        String name = "crm_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case H2 -> new Fresh(kind, name, () -> {
                try (Connection c = DriverManager.getConnection(Fresh.h2Url(name), "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            });
            case POSTGRESQL -> {
                PGSimpleDataSource admin = new PGSimpleDataSource();
                configure(admin, null);
                execute(admin, "CREATE SCHEMA " + name);
                yield new Fresh(kind, name, () -> execute(admin, "DROP SCHEMA " + name + " CASCADE"));
            }
            case MARIADB -> {
                MariaDbDataSource admin = new MariaDbDataSource(mariaDbServer() + "test?user=root&connectTimeout=3000");
                execute(admin, "CREATE DATABASE " + name);
                yield new Fresh(kind, name, () -> execute(admin, "DROP DATABASE " + name));
            }
        };
    }

    /** See {@link #fresh()}. Each {@link #newPool()} is a pool of its own, as another node would have. */
    static final class Fresh implements AutoCloseable {
        private final Kind kind;
        private final String name;
        private final Opened.Drop drop;
        private final List<Runnable> closers = new CopyOnWriteArrayList<>();

        private Fresh(Kind kind, String name, Opened.Drop drop) {
            this.kind = kind;
            this.name = name;
            this.drop = drop;
        }

        /** The schema's (MariaDB: database's) name, unique on the server. */
        String name() {
            return name;
        }

        /** A new connection pool on the schema, closed with it. */
        DataSource newPool() throws SQLException {
            return newPool("crmkit-test");
        }

        /**
         * As {@link #newPool()}, its PostgreSQL connections showing {@code applicationName} in
         * {@code pg_stat_activity} (so a test can pick out its own); MariaDB and H2 ignore it.
         */
        DataSource newPool(String applicationName) throws SQLException {
            switch (kind) {
                case H2 -> {
                    JdbcConnectionPool pool = JdbcConnectionPool.create(h2Url(name), "sa", "");
                    closers.add(pool::dispose);
                    return pool;
                }
                case POSTGRESQL -> {
                    PGConnectionPoolDataSource pooled = new PGConnectionPoolDataSource();
                    configure(pooled, name);
                    pooled.setApplicationName(applicationName);
                    JdbcConnectionPool pool = pool(pooled);
                    closers.add(pool::dispose);
                    return pool;
                }
                case MARIADB -> {
                    MariaDbPoolDataSource pool = new MariaDbPoolDataSource(mariaDbServer() + name
                            + "?user=root&connectTimeout=3000&maxPoolSize=16");
                    closers.add(pool::close);
                    return pool;
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        /** MariaDB: a new pool on the database whose connections take the driver's {@code options} (URL form). */
        DataSource newMariaDbPool(String options) throws SQLException {
            if (kind != Kind.MARIADB) {
                throw new IllegalStateException(kind.name());
            }
            MariaDbPoolDataSource pool = new MariaDbPoolDataSource(mariaDbServer() + name
                    + "?user=root&connectTimeout=3000&maxPoolSize=4" + options);
            closers.add(pool::close);
            return pool;
        }

        /** A new connection on the schema, not pooled: for a test's own SQL. */
        Connection connect() throws SQLException {
            return plain().getConnection();
        }

        /** A HikariCP pool of at most {@code size} connections on the schema (the pool most hosts use), closed with it. */
        HikariDataSource hikari(int size) throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setDataSource(plain());
            config.setMaximumPoolSize(size);
            config.setPoolName("crmkit-" + name);
            HikariDataSource pool = new HikariDataSource(config);
            closers.add(pool::close);
            return pool;
        }

        /** A data source on the schema that opens a new connection per call. */
        private DataSource plain() throws SQLException {
            return switch (kind) {
                case H2 -> {
                    JdbcDataSource ds = new JdbcDataSource();
                    ds.setURL(h2Url(name));
                    ds.setUser("sa");
                    yield ds;
                }
                case POSTGRESQL -> {
                    PGSimpleDataSource ds = new PGSimpleDataSource();
                    configure(ds, name);
                    yield ds;
                }
                case MARIADB -> new MariaDbDataSource(mariaDbServer() + name + "?user=root&connectTimeout=3000");
            };
        }

        private static String h2Url(String name) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        public void close() throws SQLException {
            try {
                closers.forEach(Runnable::run);
            } finally {
                drop.run();
            }
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }

    /** Opens the database of each run of an {@link EachDatabase} class, before anything in that run. */
    static final class OpenEach implements BeforeClassTemplateInvocationCallback {
        @Override
        public void beforeClassTemplateInvocation(ExtensionContext context) {
            TestDatabase database = ParameterInfo.get(context).getArguments().get(0, TestDatabase.class);
            database.openShared(context, context.getRequiredTestClass().getSimpleName() + " on " + database);
        }
    }

    private static Opened open(Kind kind) {
        String name = "crm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            return switch (kind) {
                case H2 -> {
                    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                            "sa", "");
                    yield new Opened(pool, pool::dispose, () -> execute(pool, "SHUTDOWN"));
                }
                case POSTGRESQL -> openPostgres(name);
                case MARIADB -> openMariaDb(name);
            };
        } catch (SQLException e) {
            return Opened.unavailable(unreachable(kind, e));
        }
    }

    private static Opened openPostgres(String schema) throws SQLException {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        configure(admin, null);
        execute(admin, "CREATE SCHEMA " + schema);
        PGConnectionPoolDataSource pooled = new PGConnectionPoolDataSource();
        configure(pooled, schema);
        JdbcConnectionPool pool = pool(pooled);
        Opened opened = new Opened(pool, pool::dispose, () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
        opened.url = "jdbc:postgresql://" + HOST + ":" + PG_PORT + "/test?user=postgres&currentSchema=" + schema;
        return opened;
    }

    private static void configure(org.postgresql.ds.common.BaseDataSource ds, String schema) {
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {PG_PORT});
        ds.setDatabaseName("test");
        ds.setUser("postgres");
        ds.setConnectTimeout(3);
        ds.setReWriteBatchedInserts(true);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
    }

    private static Opened openMariaDb(String database) throws SQLException {
        String server = mariaDbServer();
        MariaDbDataSource admin = new MariaDbDataSource(server + "test?user=root&connectTimeout=3000");
        execute(admin, "CREATE DATABASE " + database);
        // The driver's own pool: its PooledConnection does not work with H2's generic pool.
        MariaDbPoolDataSource pool = new MariaDbPoolDataSource(server + database
                + "?user=root&connectTimeout=3000&maxPoolSize=16");
        Opened opened = new Opened(pool, pool::close, () -> execute(admin, "DROP DATABASE " + database));
        opened.url = server + database + "?user=root";
        return opened;
    }

    private static String mariaDbServer() {
        return "jdbc:mariadb://" + HOST + ":" + MARIADB_PORT + "/";
    }

    private static JdbcConnectionPool pool(ConnectionPoolDataSource source) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        return pool;
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String unreachable(Kind kind, SQLException e) {
        return switch (kind) {
            case POSTGRESQL -> "PostgreSQL at " + HOST + ":" + PG_PORT + " (database test, user postgres) is not"
                    + " reachable: " + e.getMessage() + ". Start it with: pg_ctlcluster --skip-systemctl-redirect"
                    + " $(ls /etc/postgresql) main start";
            case MARIADB -> "MariaDB at " + HOST + ":" + MARIADB_PORT + " (user root) is not reachable: "
                    + e.getMessage() + ". Start it with:"
                    + " start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
            case H2 -> "H2 failed to open: " + e.getMessage();
        };
    }

    /** What a run opened on one database; closed (schema dropped) when the run ends. */
    private static final class Opened implements AutoCloseable {
        @FunctionalInterface
        interface Drop {
            void run() throws SQLException;
        }

        final DataSource pool;
        final Runnable closePool;
        final JpaStorage storage;
        final Drop drop;
        final String unavailable;
        String url;

        Opened(DataSource pool, Runnable closePool, Drop drop) throws SQLException {
            this.pool = pool;
            this.closePool = closePool;
            this.drop = drop;
            this.unavailable = null;
            JpaStorage created;
            try {
                created = JpaStorage.create(pool);
            } catch (RuntimeException e) {
                release();
                throw e;
            }
            this.storage = created;
        }

        private Opened(String unavailable) {
            this.pool = null;
            this.closePool = null;
            this.storage = null;
            this.drop = null;
            this.unavailable = unavailable;
        }

        static Opened unavailable(String message) {
            return new Opened(message);
        }

        @Override
        public void close() throws SQLException {
            if (storage == null) {
                return;
            }
            storage.close();
            release();
        }

        private void release() throws SQLException {
            try {
                drop.run();
            } finally {
                closePool.run();
            }
        }

        @Override
        public String toString() {
            return unavailable == null ? "open" : unavailable.toLowerCase(Locale.ROOT);
        }
    }
}
