package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.AdImpressions;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.jpa.JpaReportExecutor;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportFormat;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import dev.crmkit.reporting.TimeWindow;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The marketing questions a CRM exists for, answered by ready-made reports over a week of tracked ad traffic: which
 * ads have the best click-through and conversion rates, which affiliate sites send the most prospects, and what
 * customers bought at which prices. On a JPA storage the reports run as SQL in the database.
 */
final class MarketingReports {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private MarketingReports() {
    }

    static void walk(Storage storage, Actor marketer, PrintStream out) {
        Crm crm = Crm.builder().storage(storage).actor(marketer).build();
        var summer = crm.tracking().createCampaign(CampaignDetails.named("Summer sale", Channel.WEB));
        List<String> ads = List.of("SUMMER-A", "SUMMER-B", "SUMMER-C");
        for (String code : ads) {
            crm.tracking().createAd(new AdDetails(summer, "Summer " + code.charAt(code.length() - 1), code,
                    "https://example.com/summer"));
        }
        List<String> sites = List.of("NEWS", "DEALS");
        crm.tracking().createAffiliate(new AffiliateDetails("Daily News", "news.example.org", "NEWS"));
        crm.tracking().createAffiliate(new AffiliateDetails("Deal Hunters", "deals.example.org", "DEALS"));

        // A week of traffic as the ad server and website report it, in one batch (ingested idempotently).
        Random random = new Random(7);
        Instant now = Instant.now();
        List<TrackedActivity> traffic = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            LocalDate date = LocalDate.ofInstant(now.minus(Duration.ofDays(day)), LONDON);
            for (int a = 0; a < ads.size(); a++) {
                for (String site : sites) {
                    String key = date + "-" + ads.get(a) + "-" + site;
                    traffic.add(new AdImpressions("imp-" + key, date, ads.get(a), site, 2000 + random.nextInt(500)));
                    int clicks = 10 + a * 15 + random.nextInt(20) + (site.equals("DEALS") ? 10 : 0);
                    for (int c = 0; c < clicks; c++) {
                        String visitor = "v-" + key + "-" + c;
                        Instant at = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(random.nextInt(600)));
                        traffic.add(new AdClick("click-" + visitor, at, visitor, ads.get(a), site, null));
                        if (random.nextInt(10) < 1 + a) {
                            traffic.add(new TrackedActivity.Conversion("conv-" + visitor, at.plusSeconds(300),
                                    visitor, null, Money.of(29 + random.nextInt(70) + ".00", "GBP"), null, null,
                                    "order"));
                        }
                    }
                }
            }
        }
        crm.tracking().recordAll(traffic);

        // Ready-made reports are definitions a host can copy and change: here, the last 7 days in London.
        ReportService reports = storage instanceof JpaStorage
                ? ReportService.builder(crm).executor(new JpaReportExecutor()).build()
                : ReportService.builder(crm).build();
        out.println();
        out.println("marketing reports (" + traffic.size() + " tracked events; "
                + (storage instanceof JpaStorage ? "SQL push-down" : "in-memory engine") + ")");
        List<ReportDefinition> lastWeek = new ArrayList<>();
        for (ReportDefinition report : List.of(StandardReports.adsByClickThroughRate(),
                StandardReports.adsByConversionRate(), StandardReports.affiliatesByProspectClicks(),
                StandardReports.productsByPriceBand())) {
            lastWeek.add(report.toBuilder().window(TimeWindow.lastDays(7)).zone(LONDON).build());
        }
        lastWeek.forEach(report -> out.print(ReportFormat.TEXT.render(reports.run(report))));
        // Asked again with nothing recorded since: answered from the cache (a new event would invalidate it).
        lastWeek.forEach(reports::run);
        out.println("report cache: " + reports.cacheStats());
        reports.close();
    }
}
