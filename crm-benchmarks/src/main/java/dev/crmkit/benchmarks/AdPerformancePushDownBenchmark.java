package dev.crmkit.benchmarks;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.jpa.JpaReportExecutor;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.StandardReports;
import dev.crmkit.reporting.TimeWindow;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Issue 6 target: the ad-performance report pushed down to PostgreSQL by {@link JpaReportExecutor} runs within 1.1×
 * of the hand-written GROUP BY query a programmer would send by JDBC for the same rows. Both read impressions, clicks
 * and conversions per group from the database and compute the two rates in Java; the executor also orders the rows
 * and turns the rates into exact decimals.
 *
 * <p>{@code byDay} chooses the standard report (ad × affiliate × UTC day) or the same without its DAY dimension.
 * The hand-written query buckets days as one would by hand, {@code (occurred_at AT TIME ZONE 'UTC')::date}; so does
 * the executor, which then keys each day as the in-memory engine does ({@code 2026-01-05}), ranks the groups into the
 * report's order and turns totals and rates into exact decimals.
 *
 * <p>Each trial creates a schema of its own, migrated by {@link JpaStorage}, COPYs {@code touchpoints} rows of one
 * tenant into {@code crm_touchpoint} (with its indexes; another tenant's rows are not added) and analyzes it. Needs
 * PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust; override the host with
 * {@code -Dcrmkit.pg.host=...}). Run: {@code java -jar crm-benchmarks/target/benchmarks.jar AdPerformancePushDown
 * -f 1 -wi 2 -i 3}; read the ratio off {@link #interleaved}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AdPerformancePushDownBenchmark {
    /** The hand-written query: what the report asks, spelled in PostgreSQL, around the grouped columns. */
    static final String HAND_WRITTEN = "SELECT %1$s,"
            + " sum(event_count) FILTER (WHERE kind = 'AD_IMPRESSION'),"
            + " sum(event_count) FILTER (WHERE kind = 'AD_CLICK'),"
            + " count(*) FILTER (WHERE kind = 'CONVERSION')"
            + " FROM crm_touchpoint WHERE tenant_id = ? AND ad_id IS NOT NULL GROUP BY %1$s";

    @Param({"true", "false"})
    boolean byDay;

    @Param("1000000")
    int touchpoints;

    @Param("50")
    int ads;

    @Param("20")
    int affiliates;

    @Param("30")
    int days;

    private final TenantId tenant = TenantId.of("bench");
    private final JpaReportExecutor executor = new JpaReportExecutor();
    private ReportDefinition report;
    private String handWritten;
    private String schema;
    private JdbcConnectionPool pool;
    private JpaStorage storage;

    @Setup(Level.Trial)
    public void open() throws SQLException, IOException {
        ReportDefinition.Builder b = StandardReports.adPerformance().toBuilder().window(TimeWindow.ALL);
        report = byDay ? b.build() : b.regroupBy(Dimension.AD, Dimension.AFFILIATE).build();
        String groups = "ad_id, affiliate_id" + (byDay ? ", (occurred_at AT TIME ZONE 'UTC')::date" : "");
        handWritten = String.format(HAND_WRITTEN, groups);
        if (!JpaReportExecutor.pushesDown(report)) {
            throw new IllegalStateException("the executor would not push this report down");
        }
        String host = System.getProperty("crmkit.pg.host", "127.0.0.1");
        schema = "crm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {host});
        source.setDatabaseName("test");
        source.setUser("postgres");
        pool = JdbcConnectionPool.create(source);
        execute("CREATE SCHEMA " + schema);
        pool.dispose();
        source.setCurrentSchema(schema);
        pool = JdbcConnectionPool.create(source);
        storage = JpaStorage.create(pool);
        load(new AdTouchpoints(touchpoints, ads, affiliates, days, 42));
        execute("VACUUM ANALYZE crm_touchpoint");
    }

    /** COPYs the facts in chunks, each chunk as CSV text. */
    private void load(AdTouchpoints d) throws SQLException, IOException {
        String[] adKeys = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000000a%04x", d.ads);
        String[] affiliateKeys = AdTouchpoints.keys("0190a0b0-0000-7000-8000-0000000f%04x", d.affiliates);
        String[] dates = new String[d.days];
        for (int i = 0; i < d.days; i++) {
            dates[i] = LocalDate.of(2026, 1, 1).plusDays(i).atTime(12, 0).atOffset(ZoneOffset.UTC).toString();
        }
        String copy = "COPY crm_touchpoint (tenant_id, id, kind, occurred_at, ad_id, affiliate_id, channel,"
                + " event_count) FROM STDIN WITH (FORMAT csv)";
        try (Connection c = pool.getConnection()) {
            var copier = c.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 100_000;
            StringBuilder csv = new StringBuilder(chunk * 160);
            for (int start = 0; start < d.rows; start += chunk) {
                csv.setLength(0);
                for (int i = start; i < Math.min(d.rows, start + chunk); i++) {
                    UUID id = new UUID(0x0190a0b000007000L, 0x8000000000000000L | i);
                    csv.append(tenant.value()).append(',').append(id).append(',')
                            .append(AdTouchpoints.KINDS[d.kind[i]]).append(',').append(dates[d.day[i]]).append(',')
                            .append(adKeys[d.ad[i]]).append(',').append(affiliateKeys[d.affiliate[i]])
                            .append(",WEB,").append(d.count[i]).append('\n');
                }
                copier.copyIn(copy, new StringReader(csv.toString()));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
        pool.dispose();
    }

    @Benchmark
    public ReportResult executor() {
        return storage.read(tenant, tx -> executor.execute(report, TimeWindow.ALL, tx));
    }

    /**
     * The query by plain JDBC on the same pool; rows as ad, affiliate, day (or null), totals and the two rates as
     * doubles.
     */
    @Benchmark
    public List<Object[]> handWritten() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(handWritten)) {
                ps.setString(1, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    int keys = byDay ? 3 : 2;
                    while (rs.next()) {
                        long impressions = rs.getLong(keys + 1);
                        long clicks = rs.getLong(keys + 2);
                        long conversions = rs.getLong(keys + 3);
                        rows.add(new Object[] {rs.getObject(1), rs.getObject(2), byDay ? rs.getObject(3) : null,
                                impressions, clicks, conversions,
                                impressions == 0 ? Double.NaN : (double) clicks / impressions,
                                clicks == 0 ? Double.NaN : (double) conversions / clicks});
                    }
                }
            }
            c.commit();
        }
        return rows;
    }

    /**
     * Milliseconds each side spent in {@link #interleaved}; executorMillis / handWrittenMillis is the ratio with both
     * sides under the same load (this host is shared, so separate runs of the two benchmarks drift apart).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class SideMillis {
        public double executorMillis;
        public double handWrittenMillis;

        @Setup(Level.Iteration)
        public void reset() {
            executorMillis = 0;
            handWrittenMillis = 0;
        }
    }

    /** The report by the executor, then by the hand-written query; see {@link SideMillis}. */
    @Benchmark
    public int interleaved(SideMillis millis) throws SQLException {
        long start = System.nanoTime();
        int n = executor().rows().size();
        long middle = System.nanoTime();
        n += handWritten().size();
        long end = System.nanoTime();
        millis.executorMillis += (middle - start) / 1e6;
        millis.handWrittenMillis += (end - middle) / 1e6;
        return n;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
