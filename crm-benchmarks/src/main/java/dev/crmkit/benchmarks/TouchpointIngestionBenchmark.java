package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.jpa.JpaStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbDataSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Touchpoint ingestion into PostgreSQL and MariaDB: {@code tx.touchpoints().insertAll} through {@link JpaStorage}
 * versus a hand-written JDBC batched INSERT of the same rows into the same table, over the same pooled connections
 * (PostgreSQL with {@code reWriteBatchedInserts=true}, MariaDB with the driver's defaults). One operation is one transaction of {@code batch} ad clicks, each with its
 * own external event id, into a table already holding 50,000 of the tenant's rows; score = batches per second.
 * Issue 3 target: adapter ≥ 0.8 × raw JDBC. On a shared machine read the ratio off {@link #interleaved}, which times
 * both sides batch by batch: ratio = rawJdbcMillis / adapterMillis.
 *
 * <p>Needs PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust; override with
 * {@code -Dcrmkit.pg.host=...}) and MariaDB at 127.0.0.1:3306 (user {@code root}, no password;
 * {@code -Dcrmkit.mariadb.host=...}); creates a schema (database) of its own and drops it at the end. Run:
 * {@code java -jar crm-benchmarks/target/benchmarks.jar TouchpointIngestion -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 5)
public class TouchpointIngestionBenchmark {
    private static final String INSERT = "INSERT INTO crm_touchpoint (tenant_id, id, kind, occurred_at,"
            + " external_event_id, visitor_id, lead_id, contact_id, account_id, campaign_id, ad_id, affiliate_id,"
            + " channel, event_count, value_amount, value_currency, duration_seconds, outcome, detail, rep_id,"
            + " first_click, last_click) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Rows already in the table when an iteration starts. */
    private static final int PREFILL = 50_000;

    @Param("1000")
    int batch;

    @Param({"postgresql", "mariadb"})
    String database;

    private final TenantId tenant = TenantId.of("bench");
    private final IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
    private final CampaignId campaign = CampaignId.of(UUID.randomUUID());
    private final AdId ad = AdId.of(UUID.randomUUID());
    private final AffiliateId affiliate = AffiliateId.of(UUID.randomUUID());
    private String schema;
    private JdbcConnectionPool pool;
    private JpaStorage storage;
    private long sequence;
    private Crm crm;
    private static final String AD_CODE = "BENCH-AD";

    @Setup(Level.Trial)
    public void open() throws SQLException {
        schema = "crm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (mariaDb()) {
            String server = "jdbc:mariadb://" + System.getProperty("crmkit.mariadb.host", "127.0.0.1") + ":3306/";
            pool = JdbcConnectionPool.create(new MariaDbDataSource(server + "test?user=root"));
            execute("CREATE DATABASE " + schema);
            pool.dispose();
            pool = JdbcConnectionPool.create(new MariaDbDataSource(server + schema + "?user=root"));
        } else {
            PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
            source.setServerNames(new String[] {System.getProperty("crmkit.pg.host", "127.0.0.1")});
            source.setDatabaseName("test");
            source.setUser("postgres");
            source.setReWriteBatchedInserts(true);
            pool = JdbcConnectionPool.create(source);
            execute("CREATE SCHEMA " + schema);
            source.setCurrentSchema(schema);
            pool.dispose();
            pool = JdbcConnectionPool.create(source);
        }
        storage = JpaStorage.create(pool);
        crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        CampaignId launch = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        crm.tracking().createAd(new AdDetails(launch, "Banner", AD_CODE, "https://shop.example/launch"));
    }

    /**
     * Every iteration starts from the same table: {@code PREFILL} rows of the tenant, analyzed as autovacuum would
     * have, so neither side pays for the other's index growth and the planner sees a table in use, not a new one.
     */
    @Setup(Level.Iteration)
    public void resetTable() throws SQLException {
        execute("TRUNCATE TABLE crm_touchpoint");
        execute("TRUNCATE TABLE crm_touchpoint_day");
        for (int i = 0; i < PREFILL / batch; i++) {
            rawJdbc();
        }
        execute(mariaDb() ? "ANALYZE TABLE crm_touchpoint" : "ANALYZE crm_touchpoint");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        execute(mariaDb() ? "DROP DATABASE " + schema : "DROP SCHEMA " + schema + " CASCADE");
        pool.dispose();
    }

    @Benchmark
    public int adapter() {
        List<Touchpoint> rows = nextBatch();
        return storage.write(tenant, tx -> tx.touchpoints().insertAll(rows)).size();
    }

    /**
     * The same clicks through the public API, as a host's tracking endpoint sends them: {@code recordAll} of
     * {@code batch} ad clicks, each from a visitor of its own (resolution, validation, idempotency, events).
     */
    @Benchmark
    public int publicApi() {
        List<TrackedActivity> clicks = new ArrayList<>(batch);
        Instant now = Instant.now();
        for (int i = 0; i < batch; i++) {
            long n = sequence++;
            clicks.add(new TrackedActivity.AdClick("api-" + n, now, "visitor-" + n, AD_CODE, null,
                    "https://shop.example/launch"));
        }
        return crm.tracking().recordAll(clicks);
    }

    /** One batch through the public API, then one by raw JDBC: ratio = rawJdbcMillis / adapterMillis. */
    @Benchmark
    public int interleavedPublicApi(SideMillis millis) throws SQLException {
        long start = System.nanoTime();
        int n = publicApi();
        long middle = System.nanoTime();
        n += rawJdbc();
        long end = System.nanoTime();
        millis.adapterMillis += (middle - start) / 1e6;
        millis.rawJdbcMillis += (end - middle) / 1e6;
        return n;
    }

    @Benchmark
    public int rawJdbc() throws SQLException {
        List<Touchpoint> rows = nextBatch();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Touchpoint t : rows) {
                    bind(ps, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return rows.size();
    }

    /**
     * Milliseconds each side spent in {@link #interleaved}; their quotient is the ratio with both sides under the
     * same machine load (this host is shared, so separate runs of the two benchmarks drift apart).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class SideMillis {
        public double adapterMillis;
        public double rawJdbcMillis;

        @Setup(Level.Iteration)
        public void reset() {
            adapterMillis = 0;
            rawJdbcMillis = 0;
        }
    }

    /** One batch through the adapter, then one by raw JDBC; see {@link SideMillis}. */
    @Benchmark
    public int interleaved(SideMillis millis) throws SQLException {
        long start = System.nanoTime();
        int n = adapter();
        long middle = System.nanoTime();
        n += rawJdbc();
        long end = System.nanoTime();
        millis.adapterMillis += (middle - start) / 1e6;
        millis.rawJdbcMillis += (end - middle) / 1e6;
        return n;
    }

    private List<Touchpoint> nextBatch() {
        List<Touchpoint> rows = new ArrayList<>(batch);
        Instant now = Instant.now();
        for (int i = 0; i < batch; i++) {
            long n = sequence++;
            rows.add(new Touchpoint(TouchpointId.of(ids.next()), TouchpointKind.AD_CLICK, now, "evt-" + n,
                    "visitor-" + (n % 5000), null, null, null, campaign, ad, affiliate, Channel.WEB, 1, null, null,
                    null, "https://example.com/landing?utm_content=A", null, null, null, null, null));
        }
        return rows;
    }

    private boolean mariaDb() {
        return database.equals("mariadb");
    }

    /** As the drivers take them: MariaDB's UUID columns compare with text, its DATETIME(6) is UTC local time. */
    private void bind(PreparedStatement ps, Touchpoint t) throws SQLException {
        boolean maria = mariaDb();
        ps.setString(1, tenant.value());
        ps.setObject(2, maria ? t.id().value().toString() : t.id().value());
        ps.setString(3, t.kind().name());
        ps.setObject(4, maria ? LocalDateTime.ofInstant(t.occurredAt(), ZoneOffset.UTC)
                : t.occurredAt().atOffset(ZoneOffset.UTC));
        ps.setString(5, t.externalEventId());
        ps.setString(6, t.visitorId());
        int none = maria ? Types.VARCHAR : Types.OTHER;
        ps.setNull(7, none);
        ps.setNull(8, none);
        ps.setNull(9, none);
        ps.setObject(10, maria ? t.campaign().value().toString() : t.campaign().value());
        ps.setObject(11, maria ? t.ad().value().toString() : t.ad().value());
        ps.setObject(12, maria ? t.affiliate().value().toString() : t.affiliate().value());
        ps.setString(13, t.channel().name());
        ps.setLong(14, t.count());
        ps.setNull(15, Types.NUMERIC);
        ps.setNull(16, Types.VARCHAR);
        ps.setNull(17, Types.INTEGER);
        ps.setString(18, t.outcome());
        ps.setString(19, t.detail());
        ps.setNull(20, Types.VARCHAR);
        ps.setNull(21, none);
        ps.setNull(22, none);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
