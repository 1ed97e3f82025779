package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.jpa.JpaReportExecutor;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.reporting.ReportService;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Issue 15, goal 3, on PostgreSQL ({@link LiveAdReport} says what an operation is): {@code touchpoints} ad
 * touchpoints of the last 30 days (50 ads × 20 affiliate sites; 10% bulk impression records, 85% clicks, 5%
 * conversions, as {@link AdTouchpoints}) in a {@link JpaStorage}, reports by the {@link JpaReportExecutor}. Target
 * ≤ 200 ms after each new event.
 *
 * <p>The touchpoints are prefilled with SQL ({@code generate_series}) and their day totals by
 * {@code RecordRepair.rebuildTouchpointTotals}, not through the API: loading is not what is measured. Needs
 * PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar LiveAdPerformancePg}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class LiveAdPerformancePgBenchmark extends LiveAdReport {
    @Param("10000000")
    int touchpoints;

    private PgSchema db;
    private JpaStorage storage;
    private ReportService reports;

    @Setup
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        Crm crm = Crm.builder().storage(storage).actor(new Actor(TenantId.of("bench"), UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        AdCatalog catalog = AdCatalog.create(crm, ADS, AFFILIATES);
        prefill(catalog);
        reports = ReportService.builder(crm).executor(new JpaReportExecutor()).build();
        start(crm, reports);
    }

    private void prefill(AdCatalog catalog) throws SQLException {
        String ads = catalog.ads().stream().map(AdId::toString).map(id -> "'" + id + "'")
                .collect(Collectors.joining(", ", "ARRAY[", "]::uuid[]"));
        String sites = catalog.sites().stream().map(AffiliateId::toString).map(id -> "'" + id + "'")
                .collect(Collectors.joining(", ", "ARRAY[", "]::uuid[]"));
        db.execute("INSERT INTO crm_touchpoint (tenant_id, id, kind, occurred_at, campaign_id, ad_id, affiliate_id,"
                + " channel, event_count, value_amount, value_currency)"
                + " SELECT 'bench', gen_random_uuid(), kind,"
                + " date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '" + (DAYS - 1)
                + " days' + (g % " + DAYS + ") * interval '1 day' + (g % 86400) * interval '1 second',"
                + " '" + catalog.campaign() + "', (" + ads + ")[1 + (g / " + DAYS + ") % " + ADS + "],"
                + " (" + sites + ")[1 + (g / " + (DAYS * ADS) + ") % " + AFFILIATES + "], 'WEB',"
                + " CASE WHEN kind = 'AD_IMPRESSION' THEN 1 + g % 2000 ELSE 1 END,"
                + " CASE WHEN kind = 'CONVERSION' THEN 10 END, CASE WHEN kind = 'CONVERSION' THEN 'EUR' END"
                + " FROM (SELECT g, CASE WHEN r < 10 THEN 'AD_IMPRESSION' WHEN r < 95 THEN 'AD_CLICK'"
                + " ELSE 'CONVERSION' END AS kind FROM (SELECT g, (g::bigint * 7919) % 100 AS r"
                + " FROM generate_series(0, " + (touchpoints - 1) + ") g) numbered) rows");
        storage.repair().rebuildTouchpointTotals(TenantId.of("bench"));
        db.execute("ANALYZE crm_touchpoint");
        db.execute("ANALYZE crm_touchpoint_day");
    }

    @TearDown
    public void close() throws SQLException {
        reports.close();
        storage.close();
        db.close();
    }
}
