package dev.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A throw-away schema in the benchmark PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres},
 * trust; {@code -Dcrmkit.pg.host=...} overrides the host) with a pool of connections whose current schema it is
 * ({@code reWriteBatchedInserts=true}, as {@code JpaStorage.create} advises). {@link #close()} drops it.
 */
final class PgSchema implements AutoCloseable {
    private final String name;
    private final JdbcConnectionPool pool;

    private PgSchema(String name, JdbcConnectionPool pool) {
        this.name = name;
        this.pool = pool;
    }

    static PgSchema create() throws SQLException {
        String host = System.getProperty("crmkit.pg.host", "127.0.0.1");
        String name = "crm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {host});
        source.setDatabaseName("test");
        source.setUser("postgres");
        source.setReWriteBatchedInserts(true);
        // For profiling: -Dcrmkit.pg.options="-c log_statement=all" logs every statement the benchmark sends.
        source.setOptions(System.getProperty("crmkit.pg.options"));
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        source.setCurrentSchema(name);
        return new PgSchema(name, JdbcConnectionPool.create(source));
    }

    JdbcConnectionPool pool() {
        return pool;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            execute("DROP SCHEMA " + name + " CASCADE");
        } finally {
            pool.dispose();
        }
    }
}
