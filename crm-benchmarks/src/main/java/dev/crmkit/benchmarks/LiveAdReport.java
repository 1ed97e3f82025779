package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import dev.crmkit.reporting.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the live ad-report benchmarks measure, whatever the storage: per operation one new ad click recorded through
 * {@code crm.tracking().record}, then the ad-performance report (last 30 days, UTC) asked of a {@link ReportService}.
 * The click drops the cached result, so each operation recomputes it, as a dashboard refreshing after every event
 * would; the service keeps the other days' totals (it reads again the click's day, and every day once its kept totals
 * are older than the default staleness bound, 10 s). {@link #scan} asks for the same report over a window that does
 * not start at midnight, which the day totals cannot answer: what every refresh cost before them.
 */
abstract class LiveAdReport {
    static final int ADS = 50;
    static final int AFFILIATES = 20;
    static final int DAYS = 30;
    private static final int BATCH = 10_000;

    private Crm crm;
    private ReportService reports;
    private ReportDefinition report;
    private ReportDefinition scanned;
    private long clicks;

    /**
     * Stores {@code touchpoints} ad touchpoints of the last {@link #DAYS} days for {@code tenant}, as
     * {@link AdTouchpoints} makes them for {@code catalog}'s ads, through the storage SPI's {@code insertAll} in
     * batches of 10,000 (which keeps their day totals as ingestion does); returns them.
     */
    static AdTouchpoints store(Storage storage, TenantId tenant, AdCatalog catalog, int touchpoints) {
        AdTouchpoints data = new AdTouchpoints(touchpoints, ADS, AFFILIATES, DAYS, 42);
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS - 1);
        for (int from = 0; from < touchpoints; from += BATCH) {
            var batch = data.touchpoints(from, Math.min(touchpoints, from + BATCH), firstDay, catalog.ads(),
                    catalog.sites(), catalog.campaign());
            storage.write(tenant, tx -> tx.touchpoints().insertAll(batch));
        }
        return data;
    }

    /** Runs the reports of {@code crm}'s ads (coded as {@link AdCatalog} makes them) through {@code service}. */
    final void start(Crm tracking, ReportService service) {
        crm = tracking;
        reports = service;
        report = StandardReports.adPerformance();
        TimeWindow last30 = report.window().resolve(Clock.systemUTC(), ZoneOffset.UTC);
        scanned = report.toBuilder().window(TimeWindow.between(last30.from().plusSeconds(1), last30.to())).build();
        reports.run(report);
    }

    /** One more click through the tracking API, then the report: what a live dashboard shows after each event. */
    @Benchmark
    public int newClickThenReport() {
        long n = clicks++;
        crm.tracking().record(new TrackedActivity.AdClick("live-" + n, Instant.now(), "visitor-" + n,
                "AD-" + n % ADS, "AFF-" + n % AFFILIATES, null));
        return reports.run(report).rows().size();
    }

    /** One more click, then the same report over a window not on a day's start: a scan of every touchpoint. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int scan() {
        crm.tracking().record(new TrackedActivity.AdClick("scan-" + clicks++, Instant.now(), "visitor",
                "AD-0", "AFF-0", null));
        return reports.run(scanned).rows().size();
    }
}
