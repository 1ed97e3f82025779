package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import dev.crmkit.reporting.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the live ad-report benchmarks measure, whatever the storage: per operation one new ad click recorded through
 * {@code crm.tracking().record}, then the ad-performance report (last 30 days, UTC) asked of a {@link ReportService}.
 * The click drops the cached result, so each operation recomputes it, as a dashboard refreshing after every event
 * would. {@link #scan} asks for the same report over a window that does not start at midnight, which the day totals
 * cannot answer: what every refresh cost before them.
 */
abstract class LiveAdReport {
    static final int ADS = 50;
    static final int AFFILIATES = 20;
    static final int DAYS = 30;

    private Crm crm;
    private ReportService reports;
    private ReportDefinition report;
    private ReportDefinition scanned;
    private long clicks;

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
