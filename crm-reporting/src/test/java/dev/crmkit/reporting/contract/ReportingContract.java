package dev.crmkit.reporting.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.contract.ContractSupport;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.internal.Internal;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Outcome;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.nurture.StepStats;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseKind;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.AdImpressions;
import dev.crmkit.core.tracking.TrackedActivity.Conversion;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.Filter;
import dev.crmkit.reporting.InMemoryReportExecutor;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.Order;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.ReportLimits;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.ReportRow;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import dev.crmkit.reporting.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports over data written through the services, and the result cache. An executor (the in-memory reference, or
 * a storage adapter's push-down) runs this suite with its storage to show it answers like the reference.
 */
public abstract class ReportingContract extends ContractSupport {
    protected ReportService reports;
    protected AdId bannerA;
    protected AdId bannerB;
    private final LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);

    /** The executor under test. */
    protected abstract ReportExecutor executor();

    @BeforeEach
    void setUpReporting() {
        reports = ReportService.builder(crm).executor(executor()).build();
        var spring = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        bannerA = crm.tracking().createAd(new AdDetails(spring, "Banner A", "A", null));
        bannerB = crm.tracking().createAd(new AdDetails(spring, "Banner B", "B", null));
        crm.tracking().createAffiliate(new AffiliateDetails("Gadget Blog", "gadgets.example.org", "BLOG"));
    }

    @AfterEach
    void closeReporting() {
        reports.close();
    }

    protected static ReportDefinition adReport() {
        return ReportDefinition.of("Ads", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.AD)
                .measure(Measure.sum("impressions", Field.COUNT).where(Dimension.KIND, "AD_IMPRESSION"))
                .measure(Measure.sum("clicks", Field.COUNT).where(Dimension.KIND, "AD_CLICK"))
                .measure(Measure.count("conversions").where(Dimension.KIND, "CONVERSION"))
                .measure(Measure.countDistinct("visitors", Dimension.VISITOR).where(Dimension.KIND, "AD_CLICK"))
                .measure(Measure.sum("revenue", Field.VALUE).where(Dimension.KIND, "CONVERSION"))
                .measure(Measure.ratio("ctr", "clicks", "impressions"))
                .measure(Measure.ratio("conversionRate", "conversions", "clicks"))
                .where(Dimension.KIND, "AD_IMPRESSION", "AD_CLICK", "CONVERSION")
                .orderBy(Order.desc("ctr"))
                .build();
    }

    private int events;

    protected void impressions(String ad, long count) {
        crm.tracking().record(new AdImpressions("imp-" + ++events, today, ad, "BLOG", count));
    }

    protected void click(String ad, String visitor, long minutes) {
        crm.tracking().record(new AdClick("click-" + ++events, START.plus(Duration.ofMinutes(minutes)), visitor, ad,
                "BLOG", null));
    }

    protected void conversion(String visitor, String eur, long minutes) {
        crm.tracking().record(new Conversion("conv-" + ++events, START.plus(Duration.ofMinutes(minutes)), visitor,
                null, Money.of(eur, "EUR"), null, null, null));
    }

    protected static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void adsRankByClickThroughRateWithTheirNames() {
        impressions("A", 1000);
        click("A", "v1", 1);
        click("A", "v1", 2);
        click("A", "v2", 3);
        conversion("v2", "49.90", 4);
        impressions("B", 200);
        for (int i = 0; i < 4; i++) {
            click("B", "v" + (10 + i), 5 + i);
        }

        ReportResult r = reports.run(adReport());

        assertThat(r.rows()).containsExactly(
                new ReportRow(List.of(bannerB.value().toString()),
                        decimals("200", "4", "0", "4", "0.00", "0.020000", "0.000000")),
                new ReportRow(List.of(bannerA.value().toString()),
                        decimals("1000", "3", "1", "2", "49.90", "0.003000", "0.333333")));
        assertThat(r.label(Dimension.AD, bannerA.value().toString())).isEqualTo("Banner A");
        assertThat(r.row(bannerA)).map(row -> row.value(r.measures().indexOf("clicks")))
                .contains(new BigDecimal("3"));
        assertThat(r.row(bannerB.value().toString())).map(row -> row.keys()).contains(List.of(
                bannerB.value().toString()));
        assertThat(r.row((Object) null)).isEmpty();
        assertThat(r.measures()).containsExactly("impressions", "clicks", "conversions", "visitors", "revenue", "ctr",
                "conversionRate");
    }

    @Test
    void revenueBeyondTheExactRangeOfReportsIsRefusedNotWrapped() {
        // Each value is a valid Money (under 10^15); their total is beyond a long of 1/10,000 EUR.
        conversion("v1", "900000000000000", 1);
        conversion("v2", "900000000000000", 2);
        click("A", "v1", 3);

        assertThatThrownBy(() -> reports.run(adReport())).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasErrorFor("measures")).isTrue());
        ReportResult clicks = reports.run(ReportDefinition.of("clicks", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.AD).measure(Measure.count("clicks")).where(Dimension.KIND, "AD_CLICK").build());
        assertThat(clicks.rows()).extracting(row -> row.values().get(0)).containsExactly(BigDecimal.ONE);
    }

    @Test
    void aCachedReportIsNeverStale() {
        impressions("A", 100);
        click("A", "v1", 1);
        ReportResult first = reports.run(adReport());
        assertThat(reports.run(adReport())).isEqualTo(first);
        assertThat(reports.cacheStats().hits()).isEqualTo(1);
        assertThat(reports.cacheStats().misses()).isEqualTo(1);

        click("A", "v2", 2);
        ReportResult afterClick = reports.run(adReport());
        assertThat(afterClick.value(0, "clicks")).isEqualByComparingTo("2");
        assertThat(reports.cacheStats().misses()).isEqualTo(2);

        Ad adA = crm.tracking().ad(bannerA).orElseThrow();
        crm.tracking().updateAd(adA, new AdDetails(adA.campaign(), "Banner A (new)", "A", null));
        assertThat(reports.run(adReport()).label(Dimension.AD, bannerA.value().toString()))
                .isEqualTo("Banner A (new)");

        // purchases and another tenant's clicks leave this tenant's touchpoint report cached
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        crm.customers().recordPurchase(NewPurchase.of(account, null, "P-1", 1, Money.of("10.00", "EUR")));
        Crm other = crm.as(Actor.of("other-" + UUID.randomUUID().toString().substring(0, 8), "u"));
        other.tracking().createCampaign(CampaignDetails.named("Other", Channel.WEB));
        long hits = reports.cacheStats().hits();
        reports.run(adReport());
        assertThat(reports.cacheStats().hits()).isEqualTo(hits + 1);
        assertThat(reports.cacheStats().invalidations()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tenantsShareTheCacheButNeverEachOthersResults() {
        click("A", "v1", 1);
        ReportResult mine = reports.run(adReport());
        ReportService theirs = reports.as(new Actor(freshTenant(), UserId.of("u"), Set.of()));
        assertThat(theirs.run(adReport()).rows()).isEmpty();
        assertThat(reports.run(adReport())).isEqualTo(mine);
    }

    /**
     * The most filter values a definition takes, as a visitor IN list, an ad NOT IN list of ids and a measure's
     * condition: every executor runs it (in SQL, each value is a bound parameter) and answers like the reference.
     */
    @Test
    void aDefinitionWithTheMostFilterValuesRunsOnEveryExecutor() {
        click("A", "v1", 1);
        click("A", "v2", 2);
        click("B", "v3", 3);
        List<String> visitors = new ArrayList<>(List.of("v1", "v3"));
        while (visitors.size() < ReportLimits.FILTER_VALUES / 2) {
            visitors.add("nobody-" + visitors.size());
        }
        List<String> otherAds = new ArrayList<>();
        while (visitors.size() + otherAds.size() < ReportLimits.FILTER_VALUES - 1) {
            otherAds.add(UUID.randomUUID().toString());
        }
        ReportDefinition byVisitor = ReportDefinition.of("Clicks by visitor", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.VISITOR)
                .measure(Measure.count("clicks").where(Dimension.KIND, "AD_CLICK"))
                .filter(new Filter(Dimension.VISITOR, visitors, false))
                .filter(new Filter(Dimension.AD, otherAds, true))
                .orderBy(Order.asc(Dimension.VISITOR))
                .build();

        ReportResult r = reports.run(byVisitor);

        assertThat(r.rows()).containsExactly(new ReportRow(List.of("v1"), decimals("1")),
                new ReportRow(List.of("v3"), decimals("1")));
        try (ReportService reference = ReportService.builder(crm).executor(new InMemoryReportExecutor()).build()) {
            assertThat(r).isEqualTo(reference.run(byVisitor));
        }
    }

    @Test
    void windowsSelectFactsByTheirTime() {
        click("A", "v1", 0);
        click("A", "v1", 60 * 24);
        click("A", "v1", 60 * 24 * 2);
        ReportDefinition clicks = ReportDefinition.of("Clicks by day", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.DAY).measure(Measure.count("clicks")).where(Dimension.KIND, "AD_CLICK").build();

        ReportResult middle = reports.run(clicks, TimeWindow.between(START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofDays(2))));
        assertThat(middle.rows()).extracting(row -> row.key(0)).containsExactly(today.plusDays(1).toString());

        clock.set(START.plus(Duration.ofDays(2)));
        ReportResult lastTwoDays = reports.run(clicks.toBuilder().window(TimeWindow.lastDays(2)).build());
        assertThat(lastTwoDays.rows()).extracting(row -> row.key(0))
                .containsExactly(today.plusDays(1).toString(), today.plusDays(2).toString());
        assertThat(lastTwoDays.window().from()).isEqualTo(today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Test
    void daysWeeksAndMonthsFallInTheReportsZone() {
        // 23:30 UTC on a Sunday, the last day of a month, is already Monday the 1st in Berlin and Tokyo
        Instant sundayNight = LocalDate.of(2026, 5, 31).atTime(23, 30).toInstant(ZoneOffset.UTC);
        crm.tracking().record(new AdClick("late", sundayNight, "v1", "A", "BLOG", null));
        crm.tracking().record(new AdClick("early", sundayNight.minus(Duration.ofHours(20)), "v1", "A", "BLOG", null));
        ReportDefinition utc = ReportDefinition.of("Clicks by day", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.DAY, Dimension.WEEK, Dimension.MONTH).measure(Measure.count("clicks"))
                .where(Dimension.KIND, "AD_CLICK").build();
        ReportDefinition berlin = utc.toBuilder().zone(ZoneId.of("Europe/Berlin")).build();

        assertThat(reports.run(utc).rows()).extracting(ReportRow::keys, row -> row.value(0).intValue())
                .containsExactly(tuple(List.of("2026-05-31", "2026-W22", "2026-05"), 2));
        assertThat(reports.run(berlin).rows()).extracting(ReportRow::keys).containsExactly(
                List.of("2026-05-31", "2026-W22", "2026-05"), List.of("2026-06-01", "2026-W23", "2026-06"));
        assertThat(reports.run(berlin.toBuilder().zone(ZoneOffset.ofHours(-5)).build()).rows())
                .extracting(ReportRow::keys).containsExactly(List.of("2026-05-30", "2026-W22", "2026-05"),
                        List.of("2026-05-31", "2026-W22", "2026-05"));

        clock.set(sundayNight);
        ReportResult today = reports.run(berlin.toBuilder().window(TimeWindow.lastDays(1)).build());
        assertThat(today.window().from()).isEqualTo(Instant.parse("2026-05-31T22:00:00Z"));
        assertThat(today.rows()).extracting(row -> row.key(0)).containsExactly("2026-06-01");
    }

    @Test
    void demographicsOfContactsFollowTheirUpdates() {
        AccountId acme = crm.accounts().create(new AccountDetails("Acme", "Manufacturing", null, null, null, null,
                Set.of()));
        AccountId initech = crm.accounts().create(new AccountDetails("Initech", "Software", null, null, null, null,
                Set.of()));
        contact(acme, "ann@acme.example", Address.of("Lyon", "ARA", "FR"), Gender.FEMALE);
        contact(acme, "bob@acme.example", Address.of("Paris", "IDF", "FR"), Gender.MALE);
        ContactId cy = contact(initech, "cy@initech.example", Address.of("Austin", "TX", "US"), Gender.FEMALE);
        ReportDefinition byCountryAndGender = ReportDefinition.of("Demographics", FactSource.CONTACTS)
                .groupBy(Dimension.COUNTRY, Dimension.GENDER).measure(Measure.count("contacts")).build();
        ReportDefinition byIndustry = ReportDefinition.of("By industry", FactSource.CONTACTS)
                .groupBy(Dimension.INDUSTRY).measure(Measure.count("contacts")).build();

        assertThat(reports.run(byCountryAndGender).rows()).containsExactly(
                new ReportRow(List.of("FR", "FEMALE"), decimals("1")),
                new ReportRow(List.of("FR", "MALE"), decimals("1")),
                new ReportRow(List.of("US", "FEMALE"), decimals("1")));
        assertThat(reports.run(byIndustry).rows()).containsExactly(
                new ReportRow(List.of("Manufacturing"), decimals("2")),
                new ReportRow(List.of("Software"), decimals("1")));

        crm.accounts().update(crm.accounts().get(initech), new AccountDetails("Initech", "Manufacturing", null, null,
                null, null, Set.of()));
        crm.contacts().update(crm.contacts().get(cy), details(initech, "cy@initech.example",
                Address.of("Lyon", "ARA", "FR"), Gender.FEMALE));
        assertThat(reports.run(byIndustry).rows()).containsExactly(
                new ReportRow(List.of("Manufacturing"), decimals("3")));
        assertThat(reports.run(byCountryAndGender).rows()).containsExactly(
                new ReportRow(List.of("FR", "FEMALE"), decimals("2")),
                new ReportRow(List.of("FR", "MALE"), decimals("1")));
    }

    private ContactId contact(AccountId account, String email, Address address, Gender gender) {
        return crm.contacts().create(details(account, email, address, gender));
    }

    private static ContactDetails details(AccountId account, String email, Address address, Gender gender) {
        return new ContactDetails(account, "First", "Last", null, email, null, address, null, null, gender,
                Set.of(), false, null, null, Set.of());
    }

    @Test
    void purchasesByProductWithAverageSellingPriceAndRepCredit() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        purchase(acme, "ENG-1", 2, "1999.99", "rep-a");
        purchase(acme, "ENG-1", 1, "1500.00", "rep-a", "rep-b");
        purchase(acme, "GEAR-7", 10, "4.50");
        ReportDefinition byProduct = ReportDefinition.of("Products", FactSource.PURCHASES)
                .groupBy(Dimension.PRODUCT)
                .measure(Measure.sum("units", Field.QUANTITY))
                .measure(Measure.sum("revenue", Field.REVENUE))
                .measure(Measure.ratio("averageSellingPrice", "revenue", "units"))
                .measure(Measure.max("highestPrice", Field.UNIT_PRICE))
                .orderBy(Order.desc("revenue")).build();
        assertThat(reports.run(byProduct).rows()).containsExactly(
                new ReportRow(List.of("ENG-1"), decimals("3", "5499.98", "1833.326667", "1999.99")),
                new ReportRow(List.of("GEAR-7"), decimals("10", "45.00", "4.500000", "4.50")));

        ReportDefinition byRep = ReportDefinition.of("Reps", FactSource.PURCHASES).groupBy(Dimension.REP)
                .measure(Measure.sum("revenue", Field.REVENUE)).build();
        assertThat(reports.run(byRep).rows()).containsExactly(
                new ReportRow(List.of("rep-a"), decimals("5499.98")),
                new ReportRow(List.of("rep-b"), decimals("1500.00")),
                new ReportRow(Arrays.asList((String) null), decimals("45.00")));

        ReportDefinition bands = ReportDefinition.of("Bands", FactSource.PURCHASES).groupBy(Dimension.PRICE_BAND)
                .measure(Measure.count("purchases")).build();
        assertThat(reports.run(bands).rows()).extracting(ReportRow::keys)
                .containsExactly(List.of("FROM_1000_TO_5000"), List.of("UNDER_10"));
    }

    private void purchase(AccountId account, String product, int quantity, String eur, String... reps) {
        List<UserId> repIds = new ArrayList<>();
        for (String rep : reps) {
            repIds.add(UserId.of(rep));
        }
        crm.customers().recordPurchase(new NewPurchase(account, null, product, null, null, quantity,
                Money.of(eur, "EUR"), Set.copyOf(repIds), null, null));
    }

    @Test
    void leadsCountOnceAndMergedLeadsNotAtAll() {
        Lead open = Samples.lead(LeadId.of(UUID.randomUUID()), "a@example.com");
        Lead merged = new Lead(LeadId.of(UUID.randomUUID()), 0, new Identity("B", "B", null, null, null), null,
                open.origin(), null, LeadStatus.MERGED, new Outcome(null, open.id(), null, null), 5, false, null, null,
                null, null, null, START, START, null);
        Internal.context(crm).write(tx -> {
            tx.leads().save(open);
            tx.leads().save(merged);
            return null;
        });
        ReportDefinition byStatus = ReportDefinition.of("Leads", FactSource.LEADS).groupBy(Dimension.STATUS)
                .measure(Measure.count("leads")).measure(Measure.avg("score", Field.SCORE)).build();
        assertThat(reports.run(byStatus).rows()).containsExactly(
                new ReportRow(List.of("NEW"), decimals("1", "42.000000")));
    }

    @Test
    void readyMadeReportsAnswerTheSeedQuestions() {
        impressions("A", 1000);
        click("A", "v1", 1);
        click("A", "v1", 2);
        click("A", "v2", 3);
        conversion("v2", "49.90", 4);
        impressions("B", 200);
        for (int i = 0; i < 4; i++) {
            click("B", "v" + (10 + i), 5 + i);
        }
        AccountId acme = crm.accounts().create(new AccountDetails("Acme", "Manufacturing", null, null, null, null,
                Set.of()));
        ContactId ann = contact(acme, "ann@acme.example", Address.of("Lyon", "ARA", "FR"), Gender.FEMALE);
        contact(acme, "bob@acme.example", Address.of("Paris", "IDF", "FR"), Gender.MALE);
        crm.customers().recordPurchase(NewPurchase.of(null, ann, "ENG-1", 2, Money.of("1999.99", "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(null, ann, "GEAR-7", 10, Money.of("4.50", "EUR")));
        crm.tracking().logCall(RepInteraction.withAccount(acme, 300, "interested", null));
        crm.tracking().logCall(RepInteraction.withAccount(acme, 120, "no answer", null));
        crm.tracking().logVisit(RepInteraction.withAccount(acme, 1800, "demo", null));
        String a = bannerA.value().toString();
        String b = bannerB.value().toString();

        assertThat(reports.run(StandardReports.adsByClickThroughRate()).rows()).containsExactly(
                new ReportRow(List.of(b), decimals("200", "4", "0.020000")),
                new ReportRow(List.of(a), decimals("1000", "3", "0.003000")));
        assertThat(reports.run(StandardReports.adsByConversionRate()).rows()).containsExactly(
                new ReportRow(List.of(a), decimals("3", "1", "0.333333")),
                new ReportRow(List.of(b), decimals("4", "0", "0.000000")));
        ReportResult affiliates = reports.run(StandardReports.affiliatesByProspectClicks());
        assertThat(affiliates.rows()).extracting(ReportRow::values).containsExactly(decimals("7", "6"));
        assertThat(affiliates.label(Dimension.AFFILIATE, affiliates.rows().get(0).key(0))).isEqualTo("Gadget Blog");
        assertThat(reports.run(StandardReports.affiliatesByConversions()).rows()).extracting(ReportRow::values)
                .containsExactly(decimals("1", "49.90"));
        ReportResult campaigns = reports.run(StandardReports.campaignPerformance());
        assertThat(campaigns.rows()).extracting(ReportRow::values)
                .containsExactly(decimals("0", "7", "1", "49.90", "0.142857"));
        assertThat(campaigns.label(Dimension.CAMPAIGN, campaigns.rows().get(0).key(0))).isEqualTo("Spring");
        assertThat(reports.run(StandardReports.adPerformance()).rows()).hasSize(2);

        assertThat(reports.run(StandardReports.customersByCountryAndRegion()).rows())
                .containsExactly(new ReportRow(List.of("FR", "ARA"), decimals("1")));
        assertThat(reports.run(StandardReports.customersByGender()).rows())
                .containsExactly(new ReportRow(List.of("FEMALE"), decimals("1")));
        assertThat(reports.run(StandardReports.customersByIndustry()).rows())
                .containsExactly(new ReportRow(List.of("Manufacturing"), decimals("1")));
        assertThat(reports.run(StandardReports.customersByAgeBand()).rows())
                .containsExactly(new ReportRow(Arrays.asList((String) null), decimals("1")));

        assertThat(reports.run(StandardReports.productsByAverageSellingPrice()).rows()).containsExactly(
                new ReportRow(List.of("ENG-1"), decimals("2", "3999.98", "1999.990000")),
                new ReportRow(List.of("GEAR-7"), decimals("10", "45.00", "4.500000")));
        assertThat(reports.run(StandardReports.productsByPriceBand()).rows()).containsExactly(
                new ReportRow(List.of("FROM_1000_TO_5000"), decimals("1", "2", "3999.98")),
                new ReportRow(List.of("UNDER_10"), decimals("1", "10", "45.00")));

        assertThat(reports.run(StandardReports.repActivity()).rows())
                .containsExactly(new ReportRow(List.of("rep-1", "2026-W02"), decimals("2", "1", "2220")));
        for (ReportDefinition definition : StandardReports.all()) {
            assertThat(reports.run(definition).name()).isEqualTo(definition.name());
        }
    }

    @Test
    void salesReportsFollowTheOpportunities() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        OpportunityId proposal = crm.opportunities().create(NewOpportunity.of(acme, "Engines",
                Money.of("10000.00", "EUR"), LocalDate.of(2026, 2, 15)));
        crm.opportunities().moveTo(proposal, "Proposal");
        crm.opportunities().create(NewOpportunity.of(acme, "Spares", Money.of("4000.00", "EUR"),
                LocalDate.of(2026, 3, 10)));
        OpportunityId won = crm.opportunities().create(NewOpportunity.of(acme, "Mill", Money.of("5000.00", "EUR"),
                LocalDate.of(2026, 3, 1)));
        OpportunityId lost = crm.opportunities().create(NewOpportunity.of(acme, "Gears", Money.of("2000.00", "EUR"),
                LocalDate.of(2026, 3, 1)));
        ReportResult before = reports.run(StandardReports.pipelineByStage());
        assertThat(before.rows()).hasSize(2);

        clock.advance(Duration.ofDays(10));
        crm.opportunities().closeWon(won, "fit");
        crm.opportunities().closeLost(lost, "price");

        assertThat(reports.run(StandardReports.pipelineByStage()).rows()).containsExactly(
                new ReportRow(List.of("Proposal"), decimals("1", "10000.00", "5000.00")),
                new ReportRow(List.of("Prospecting"), decimals("1", "4000.00", "400.00")));
        assertThat(reports.run(StandardReports.weightedForecast()).rows()).containsExactly(
                new ReportRow(List.of("rep-1", "2026-02"), decimals("5000.00", "10000.00", "1")),
                new ReportRow(List.of("rep-1", "2026-03"), decimals("400.00", "4000.00", "1")));
        assertThat(reports.run(StandardReports.winRateAndSalesCycle()).rows()).containsExactly(
                new ReportRow(List.of("rep-1"), decimals("2", "1", "0.500000", "10.000000")));
    }

    @Test
    void serviceReportsFollowTheCases() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId ann = contact(acme, "ann@acme.example", Address.of("Lyon", "ARA", "FR"), Gender.FEMALE);
        Case jam = crm.cases().open(NewCase.from(ann, Channel.PHONE, "Mill jams").withKind(CaseKind.COMPLAINT,
                "hardware"));
        crm.cases().open(NewCase.from(ann, Channel.EMAIL, "Invoice wrong").withKind(CaseKind.QUESTION, "billing"));
        ReportDefinition byStatus = StandardReports.casesByStatusPriorityAndCategory();
        assertThat(reports.run(byStatus).rows()).extracting(ReportRow::keys).containsExactlyInAnyOrder(
                List.of("NEW", "MEDIUM", "hardware"), List.of("NEW", "MEDIUM", "billing"));

        clock.advance(Duration.ofMinutes(90));
        crm.cases().resolve(jam.id(), "replaced the reader");
        assertThat(reports.run(byStatus).rows()).extracting(ReportRow::keys).containsExactlyInAnyOrder(
                List.of("RESOLVED", "MEDIUM", "hardware"), List.of("NEW", "MEDIUM", "billing"));
        // resolving is the first response too
        assertThat(reports.run(StandardReports.meanTimeToResolution()).rows()).containsExactly(
                new ReportRow(List.of("MEDIUM"), decimals("1", "90.000000", "90.000000")));
        // without a service contract no case has a target to meet
        assertThat(reports.run(StandardReports.slaCompliance()).rows()).containsExactly(
                new ReportRow(List.of("MEDIUM"), decimals("0", "0", null)));
    }

    @Test
    void tasksDoneCountInTheWeekTheyWereDone() {
        TaskId call = crm.tasks().create(NewTask.of("Call Ann"));
        crm.tasks().create(NewTask.of("Send offer"));
        clock.advance(Duration.ofDays(7));
        crm.tasks().complete(call);
        assertThat(reports.run(StandardReports.tasksDoneByRep()).rows()).containsExactly(
                new ReportRow(List.of("rep-1", "2026-W03"), decimals("1")));
    }

    /**
     * Per-step nurture statistics as a report: the sequence's own {@code stats} per step that anyone entered (a
     * click on the welcome email, a conversion, a sequence nobody is in yet), equal to the in-memory reference, and
     * never served from the cache while people move through the steps.
     */
    @Test
    void nurtureStepStatisticsAreTheSequencesOwnStats() {
        RecordingEmailSender sender = new RecordingEmailSender();
        Crm mail = crmWith(EmailSettings.of("hello@shop.example", "a-signing-key-of-the-host-0123456789",
                "https://shop.example/email"), sender);
        EmailTemplateId welcome = mail.email().createTemplate(NewEmailTemplate.marketing("Welcome",
                "Welcome, {{firstName}}", "<p>Hi</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        EmailTemplateId nudge = mail.email().createTemplate(NewEmailTemplate.marketing("Nudge",
                "Still there, {{firstName}}?", "<p>Hi again</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        String series = """
                {"name": "%s", "steps": [
                  {"id": "welcome", "type": "email", "template": "%s", "next": "wait"},
                  {"id": "wait", "type": "wait", "duration": "P2D", "next": "nudge"},
                  {"id": "nudge", "type": "email", "template": "%s", "next": "end"},
                  {"id": "end", "type": "end"}]}""";
        SequenceId sequence = mail.sequences().create(series.formatted("welcome series", welcome, nudge));
        SequenceId idle = mail.sequences().create(series.formatted("idle series", welcome, nudge));
        List<LeadId> leads = new ArrayList<>();
        for (String first : List.of("Ada", "Bob", "Cy")) {
            String email = first.toLowerCase(java.util.Locale.ROOT) + "@example.com";
            mail.email().grantConsent(email, LawfulBasis.CONSENT, "signup form");
            leads.add(mail.leads().capture(NewLead.of(first, "Lovelace", email)));
            mail.sequences().enroll(sequence, leads.get(leads.size() - 1));
        }
        mail.automation().runDue();
        ReportDefinition steps = StandardReports.nurtureStepStats();
        ReportService nurture = ReportService.builder(mail).executor(executor()).build();
        assertThat(nurture.run(steps).rows()).extracting(ReportRow::keys).containsExactly(
                List.of(sequence.toString(), "wait"), List.of(sequence.toString(), "welcome"));

        var adaIn = mail.sequences().enrollmentsOf(leads.get(0)).get(0);
        mail.email().recordClick(adaIn.sent().get("welcome"), "https://shop.example/offer");
        Lead cy = mail.leads().get(leads.get(2));
        mail.leads().qualify(cy);
        mail.leads().convert(mail.leads().get(leads.get(2)), ConvertLead.automatically());
        clock.advance(Duration.ofDays(2));
        mail.automation().runDue();

        List<ReportRow> expected = new ArrayList<>();
        for (StepStats s : mail.sequences().stats(sequence)) {
            if (s.entered() > 0) {
                expected.add(new ReportRow(List.of(sequence.toString(), s.step()), decimals(
                        Long.toString(s.entered()), Long.toString(s.sent()), Long.toString(s.clicked()),
                        Long.toString(s.converted()), s.sent() == 0 ? null
                                : BigDecimal.valueOf(s.clicked()).divide(BigDecimal.valueOf(s.sent()), 6,
                                java.math.RoundingMode.HALF_EVEN).toPlainString())));
            }
        }
        assertThat(mail.sequences().stats(idle)).allSatisfy(s -> assertThat(s.entered()).isZero());
        assertThat(expected).as("welcome: 3 sent, Ada's clicked, Cy converted").contains(new ReportRow(
                List.of(sequence.toString(), "welcome"), decimals("3", "3", "1", "1", "0.333333")));
        ReportResult result = nurture.run(steps);
        assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected);
        try (ReportService reference = ReportService.builder(mail).executor(new InMemoryReportExecutor()).build()) {
            assertThat(result).isEqualTo(reference.run(steps));
        }
        nurture.close();
    }

    /**
     * The acceptance check of an executor: over the same data of every fact source, written through the services,
     * every ready-made report returns what the in-memory reference returns.
     */
    @Test
    void everyReadyMadeReportEqualsTheInMemoryReference() {
        impressions("A", 1000);
        click("A", "v1", 1);
        click("B", "v2", 2);
        conversion("v2", "49.90", 3);
        AccountId acme = crm.accounts().create(new AccountDetails("Acme", "Manufacturing", null, null, null, null,
                Set.of()));
        ContactId ann = contact(acme, "ann@acme.example", Address.of("Lyon", "ARA", "FR"), Gender.FEMALE);
        contact(null, "bob@example.org", null, null);
        crm.customers().recordPurchase(NewPurchase.of(null, ann, "ENG-1", 2, Money.of("1999.99", "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(null, ann, "GEAR-7", 10, Money.of("4.50", "EUR")));
        crm.tracking().logCall(RepInteraction.withAccount(acme, 300, "interested", null));
        crm.tracking().logVisit(RepInteraction.withAccount(acme, 1800, "demo", null));
        Lead lead = Samples.lead(LeadId.of(UUID.randomUUID()), "a@example.com");
        Internal.context(crm).write(tx -> tx.leads().save(lead));
        OpportunityId won = crm.opportunities().create(NewOpportunity.of(acme, "Mill", Money.of("5000.00", "EUR"),
                LocalDate.of(2026, 3, 1)));
        crm.opportunities().create(NewOpportunity.of(acme, "Spares", Money.of("4000.05", "EUR"),
                LocalDate.of(2026, 3, 10)));
        Case jam = crm.cases().open(NewCase.from(ann, Channel.PHONE, "Mill jams").withKind(CaseKind.COMPLAINT,
                "hardware"));
        crm.cases().open(NewCase.from(ann, Channel.EMAIL, "Invoice wrong").withKind(CaseKind.QUESTION, null));
        TaskId call = crm.tasks().create(NewTask.of("Call Ann"));
        crm.tasks().create(NewTask.of("Send offer"));
        clock.advance(Duration.ofDays(3));
        crm.opportunities().closeWon(won, "fit");
        crm.cases().resolve(jam.id(), "replaced the reader");
        crm.tasks().complete(call);

        try (ReportService reference = ReportService.builder(crm).executor(new InMemoryReportExecutor()).build()) {
            for (ReportDefinition definition : StandardReports.all()) {
                assertThat(reports.run(definition)).as(definition.name()).isEqualTo(reference.run(definition));
            }
        }
    }
}
