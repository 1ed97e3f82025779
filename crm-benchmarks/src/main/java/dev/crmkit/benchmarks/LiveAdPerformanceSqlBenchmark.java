package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.jpa.JpaReportExecutor;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.reporting.ReportService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbDataSource;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15, goal 3, on H2 (in memory, the embedded default) and MariaDB ({@link LiveAdPerformancePgBenchmark} is
 * PostgreSQL; {@link LiveAdReport} says what an operation is): {@code touchpoints} ad touchpoints of the last 30 days,
 * the same mix as in memory ({@link AdTouchpoints}), in a {@link JpaStorage}, reports by the
 * {@link JpaReportExecutor}. Target ≤ 200 ms after each new event.
 *
 * <p>The touchpoints are stored through the storage SPI's {@code insertAll} in batches of 10,000 (which keeps their
 * day totals as ingestion does), not the tracking API: loading is not what is measured. MariaDB at 127.0.0.1:3306
 * (root, no password; {@code -Dcrmkit.mariadb.host=...}): a database of its own, dropped at the end. Run:
 * {@code java -jar crm-benchmarks/target/benchmarks.jar LiveAdPerformanceSql.newClickThenReport}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class LiveAdPerformanceSqlBenchmark extends LiveAdReport {
    @Param("10000000")
    int touchpoints;

    @Param({"h2", "mariadb"})
    String database;

    private final String name = "crm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private JdbcConnectionPool pool;
    private JpaStorage storage;
    private ReportService reports;

    @Setup
    public void open() throws SQLException {
        if (database.equals("mariadb")) {
            String server = "jdbc:mariadb://" + System.getProperty("crmkit.mariadb.host", "127.0.0.1") + ":3306/";
            execute(new MariaDbDataSource(server + "test?user=root"), "CREATE DATABASE " + name);
            pool = JdbcConnectionPool.create(new MariaDbDataSource(server + name + "?user=root"));
        } else {
            pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        pool.setMaxConnections(8);
        storage = JpaStorage.create(pool);
        TenantId tenant = TenantId.of("bench");
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        store(storage, tenant, AdCatalog.create(crm, ADS, AFFILIATES), touchpoints);
        if (database.equals("mariadb")) {
            execute(pool, "ANALYZE TABLE crm_touchpoint, crm_touchpoint_day");
        }
        reports = ReportService.builder(crm).executor(new JpaReportExecutor()).build();
        start(crm, reports);
    }

    @TearDown
    public void close() throws SQLException {
        reports.close();
        storage.close();
        if (database.equals("mariadb")) {
            execute(pool, "DROP DATABASE " + name);
        } else {
            execute(pool, "DROP ALL OBJECTS");
        }
        pool.dispose();
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
