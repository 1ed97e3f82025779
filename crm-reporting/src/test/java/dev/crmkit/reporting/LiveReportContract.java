package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.MutableClock;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackedActivity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Touchpoint reports answered from the day totals the storage keeps as touchpoints arrive are exactly what a scan
 * of every touchpoint returns: for random event streams written in random batches (some of them repeated events,
 * some in transactions that fail and roll back), every standard touchpoint report and random ad-hoc ones, random
 * windows (whole UTC days, which the totals answer, and others, which scan) and zones. Runs on every adapter.
 */
public abstract class LiveReportContract {
    private static final Instant T0 = Instant.parse("2026-03-26T00:00:00Z"); // Berlin's clocks change on the 29th
    private static final int DAYS = 6;
    private static final List<AdId> ADS = List.of(AdId.of(UUID.fromString("0190a0b0-0000-7000-8000-00000000a001")),
            AdId.of(UUID.fromString("0190a0b0-0000-7000-8000-00000000a002")));
    private static final List<AffiliateId> AFFILIATES = List.of(
            AffiliateId.of(UUID.fromString("0190a0b0-0000-7000-8000-00000000f001")),
            AffiliateId.of(UUID.fromString("0190a0b0-0000-7000-8000-00000000f002")));
    private static final CampaignId CAMPAIGN = CampaignId.of(UUID.fromString("0190a0b0-0000-7000-8000-00000000ca01"));
    private static final List<Dimension> KEPT = List.of(Dimension.KIND, Dimension.CAMPAIGN, Dimension.AD,
            Dimension.AFFILIATE, Dimension.CHANNEL, Dimension.REP, Dimension.CURRENCY, Dimension.DAY, Dimension.WEEK,
            Dimension.MONTH, Dimension.VISITOR);

    /** The storage under test; each try writes to a tenant of its own. */
    protected abstract Storage storage();

    /** The executor under test. */
    protected ReportExecutor executor() {
        return new InMemoryReportExecutor();
    }

    record Extra(Money value, Integer seconds, UserId rep, String external, long count) {
    }

    record Batch(List<Touchpoint> touchpoints, boolean fails) {
    }

    @Property(tries = 60)
    void reportsFromDayTotalsEqualAScanOfEveryTouchpoint(@ForAll("batches") List<Batch> batches,
                                                         @ForAll("definitions") List<ReportDefinition> definitions,
                                                         @ForAll("windows") TimeWindow window,
                                                         @ForAll("zones") ZoneId zone) {
        TenantId tenant = TenantId.of("live-" + UUID.randomUUID().toString().substring(0, 18));
        Storage storage = storage();
        for (Batch batch : batches) {
            try {
                storage.write(tenant, tx -> {
                    tx.touchpoints().insertAll(batch.touchpoints());
                    if (batch.fails()) {
                        throw new IllegalStateException("the host's work failed after the insert");
                    }
                    return null;
                });
            } catch (IllegalStateException expected) {
                // rolled back: neither the touchpoints nor their totals stay
            }
        }
        for (ReportDefinition base : definitions) {
            ReportDefinition definition = base.toBuilder().zone(zone).window(window).build();
            ReportResult live = storage.read(tenant, tx -> executor().execute(definition, window, tx));
            ReportResult scan = storage.read(tenant, tx -> InMemoryReportExecutor.aggregate(
                    FactLoader.load(definition, window, tx), definition, window));
            assertThat(live).as(definition.name()).isEqualTo(scan);
            Statistics.label("from day totals")
                    .collect(InMemoryReportExecutor.answersFromDayTotals(definition, window));
        }
        Statistics.label("from day totals").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /**
     * The case the property found on MariaDB: a batch of new events, some without an external id, and a repeat of an
     * earlier event (on another day) stores and totals only the new ones.
     */
    @Example
    void aRepeatInABatchWithEventsWithoutAnIdIsNeitherStoredNorTotalledAgain() {
        TenantId tenant = TenantId.of("live-" + UUID.randomUUID().toString().substring(0, 18));
        Touchpoint first = impression("e1", T0, 1);
        storage().write(tenant, tx -> tx.touchpoints().insertAll(List.of(first)));
        List<Touchpoint> second = List.of(impression("e2", T0, 1), impression(null, T0, 1), impression(null, T0, 1),
                impression("e1", T0.plus(Duration.ofDays(1)), 3));
        List<Touchpoint> stored = storage().write(tenant, tx -> tx.touchpoints().insertAll(second));

        assertThat(stored).containsExactlyInAnyOrderElementsOf(second.subList(0, 3));
        List<TouchpointDayTotal> totals = new ArrayList<>();
        storage().read(tenant, tx -> {
            tx.touchpoints().forEachDayTotal(null, null, totals::add);
            return null;
        });
        assertThat(totals).singleElement().satisfies(t -> {
            assertThat(t.day()).isEqualTo(LocalDate.ofInstant(T0, ZoneOffset.UTC));
            assertThat(t.touchpoints()).isEqualTo(4);
            assertThat(t.count()).isEqualTo(4);
        });
    }

    record Recorded(List<TrackedActivity> events, List<TimeWindow> windows) {
    }

    /**
     * Through {@link ReportService}, which keeps the day totals of earlier reports and reads again only the days a
     * new event changed: after each batch recorded through the API (on any day of the window, late events included,
     * some repeated), every report equals what a service that keeps nothing answers, over windows that share days.
     */
    @Property(tries = 25)
    void reportsAfterEveryRecordedBatchEqualAServiceThatKeepsNothing(@ForAll("recorded") List<Recorded> batches,
            @ForAll("definitions") List<ReportDefinition> definitions) {
        TenantId tenant = TenantId.of("kept-" + UUID.randomUUID().toString().substring(0, 18));
        Crm crm = Crm.builder().storage(storage()).actor(new Actor(tenant, UserId.of("ann"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).clock(Clock.fixed(T0.plus(Duration.ofDays(DAYS)),
                ZoneOffset.UTC)).build();
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        for (int i = 0; i < 2; i++) {
            crm.tracking().createAd(new AdDetails(campaign, "Ad " + i, "AD-" + i, null));
            crm.tracking().createAffiliate(new AffiliateDetails("Site " + i, null, "AFF-" + i));
        }
        try (ReportService kept = ReportService.builder(crm).executor(executor()).maxStaleness(Duration.ofDays(1))
                .build();
             ReportService fresh = ReportService.builder(crm).executor(executor()).cacheSize(0).dayTotalsKept(0)
                     .build()) {
            for (Recorded batch : batches) {
                crm.tracking().recordAll(batch.events());
                for (TimeWindow window : batch.windows()) {
                    for (ReportDefinition definition : definitions) {
                        assertThat(kept.run(definition, window)).as(definition.name() + " " + window)
                                .isEqualTo(fresh.run(definition, window));
                    }
                }
            }
        }
    }

    /**
     * Another node's click (a second {@code Crm} on the same storage: its events never reach this node) shows within
     * {@code maxStaleness} of when this node read that day, even in a result computed later from the kept day.
     */
    @Example
    void anotherNodesClickShowsWithinTheBoundOfWhenItsDayWasRead() {
        TenantId tenant = TenantId.of("nodes-" + UUID.randomUUID().toString().substring(0, 18));
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(DAYS)));
        Storage storage = storage();
        Actor actor = new Actor(tenant, UserId.of("ann"), Set.of(Actor.MANAGER, Actor.ADMIN));
        Crm nodeA = Crm.builder().storage(storage).actor(actor).clock(clock).build();
        Crm nodeB = Crm.builder().storage(storage).actor(actor).clock(clock).build();
        CampaignId campaign = nodeA.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        nodeA.tracking().createAd(new AdDetails(campaign, "Ad", "AD-0", null));
        Instant firstDay = T0.plus(Duration.ofHours(12));
        Instant lastDay = T0.plus(Duration.ofDays(DAYS - 1)).plus(Duration.ofHours(12));
        nodeB.tracking().record(new TrackedActivity.AdClick("b1", firstDay, "v1", "AD-0", null, null));
        TimeWindow window = TimeWindow.between(T0, T0.plus(Duration.ofDays(DAYS)));
        ReportDefinition clicks = ReportDefinition.of("clicks", FactSource.TOUCHPOINTS).groupBy(Dimension.DAY)
                .measure(Measure.count("clicks")).build();
        try (ReportService reportsOfB = ReportService.builder(nodeB).executor(executor())
                .maxStaleness(Duration.ofSeconds(10)).build()) {
            reportsOfB.run(clicks, window); // every day of the window read and kept at the start
            clock.advance(Duration.ofSeconds(6));
            nodeA.tracking().record(new TrackedActivity.AdClick("a1", firstDay, "v2", "AD-0", null, null));
            // B's own click on another day: B reads that day again, the first from what it kept 6 s ago
            nodeB.tracking().record(new TrackedActivity.AdClick("b2", lastDay, "v3", "AD-0", null, null));
            assertThat(total(reportsOfB.run(clicks, window))).isEqualTo(2);
            clock.advance(Duration.ofSeconds(5)); // 11 s after the first day was read, 5 s after the result
            assertThat(total(reportsOfB.run(clicks, window))).as("node A's click, within the bound").isEqualTo(3);
        }
    }

    private static long total(ReportResult result) {
        return result.rows().stream().mapToLong(r -> r.values().get(0).longValue()).sum();
    }

    @Provide
    Arbitrary<List<Recorded>> recorded() {
        Arbitrary<Instant> at = Arbitraries.longs().between(0, Duration.ofDays(DAYS).toMinutes() - 1)
                .map(m -> T0.plus(Duration.ofMinutes(m)));
        Arbitrary<String> external = Arbitraries.integers().between(1, 30).map(n -> "e" + n);
        Arbitrary<String> ad = Arbitraries.of("AD-0", "AD-1");
        Arbitrary<String> site = Arbitraries.of("AFF-0", "AFF-1").injectNull(0.3);
        Arbitrary<TrackedActivity> click = Combinators.combine(external, at, Arbitraries.of("v1", "v2", "v3"), ad,
                site).as((x, t, v, a, f) -> new TrackedActivity.AdClick(x, t, v, a, f, null));
        Arbitrary<TrackedActivity> impressions = Combinators.combine(external, at, ad, site,
                Arbitraries.longs().between(1, 500)).as((x, t, a, f, n) -> new TrackedActivity.AdImpressions(x,
                LocalDate.ofInstant(t, ZoneOffset.UTC), a, f, n));
        Arbitrary<TimeWindow> wholeDays = Combinators.combine(Arbitraries.integers().between(0, DAYS - 1),
                        Arbitraries.integers().between(1, DAYS))
                .as((from, length) -> TimeWindow.between(T0.plus(Duration.ofDays(from)),
                        T0.plus(Duration.ofDays(Math.min(DAYS, from + length)))));
        return Combinators.combine(Arbitraries.oneOf(click, impressions).list().ofMinSize(1).ofMaxSize(12),
                wholeDays.list().ofMinSize(1).ofMaxSize(3)).as(Recorded::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Touchpoint impression(String externalId, Instant at, long count) {
        return new Touchpoint(TouchpointId.of(UUID.randomUUID()), TouchpointKind.AD_IMPRESSION, at, externalId, null,
                null, null, null, null, null, null, Channel.WEB, count, null, null, null, null, null, null, null, null,
                null);
    }

    @Provide
    Arbitrary<List<Batch>> batches() {
        Arbitrary<TouchpointKind> kind = Arbitraries.of(TouchpointKind.AD_IMPRESSION, TouchpointKind.AD_CLICK,
                TouchpointKind.CONVERSION, TouchpointKind.PHONE_CALL, TouchpointKind.SITE_VISIT);
        Arbitrary<Instant> at = Arbitraries.longs().between(0, Duration.ofDays(DAYS).toMinutes() - 1)
                .map(m -> T0.plus(Duration.ofMinutes(m)).plusMillis(m % 7));
        Arbitrary<AdId> ad = Arbitraries.of(ADS).injectNull(0.2);
        Arbitrary<AffiliateId> affiliate = Arbitraries.of(AFFILIATES).injectNull(0.3);
        Arbitrary<CampaignId> campaign = Arbitraries.just(CAMPAIGN).injectNull(0.5);
        Arbitrary<String> visitor = Arbitraries.of("v1", "v2", "v3").injectNull(0.2);
        Arbitrary<Channel> channel = Arbitraries.of(Channel.WEB, Channel.EMAIL, Channel.PHONE);
        Arbitrary<Money> value = Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("-50"), new BigDecimal("9999")).ofScale(2),
                Arbitraries.of("EUR", "USD")).as(Money::of).injectNull(0.5);
        Arbitrary<Integer> duration = Arbitraries.integers().between(0, 3600).injectNull(0.5);
        Arbitrary<UserId> rep = Arbitraries.of(UserId.of("ann"), UserId.of("bob")).injectNull(0.5);
        // a few external ids, so that some events repeat (within a batch and across batches) and count once
        Arbitrary<String> external = Arbitraries.of("e1", "e2", "e3", "e4").injectNull(0.7);
        Arbitrary<Touchpoint> touchpoint = Combinators.combine(kind, at, ad, affiliate, campaign, visitor, channel,
                        Combinators.combine(value, duration, rep, external, Arbitraries.longs().between(1, 50))
                                .as(Extra::new))
                .as((k, t, a, f, c, v, ch, x) -> new Touchpoint(TouchpointId.of(UUID.randomUUID()), k, t,
                        x.external(), v, null, null, null, c, a, f, ch, x.count(), x.value(), x.seconds(), null, null,
                        null, null, x.rep(), null, null));
        Arbitrary<Batch> batch = Combinators.combine(touchpoint.list().ofMaxSize(25),
                Arbitraries.of(true, false, false, false, false)).as(Batch::new);
        return batch.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<ReportDefinition>> definitions() {
        List<ReportDefinition> standard = StandardReports.all().stream()
                .filter(d -> d.source() == FactSource.TOUCHPOINTS).toList();
        Arbitrary<ReportDefinition> adHoc = Combinators.combine(
                Arbitraries.of(KEPT).list().uniqueElements().ofMaxSize(2),
                Arbitraries.of(Field.COUNT, Field.VALUE, Field.DURATION),
                Arbitraries.of(TouchpointKind.values()).map(Enum::name).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(true, false)).as((dims, field, kinds, filtered) -> {
                    ReportDefinition.Builder b = ReportDefinition.of("ad hoc", FactSource.TOUCHPOINTS)
                            .groupBy(dims.toArray(Dimension[]::new))
                            .measure(Measure.count("facts"))
                            .measure(Measure.sum("sum", field).where(Dimension.KIND, kinds.toArray(String[]::new)))
                            .measure(Measure.avg("avg", field))
                            .measure(Measure.ratio("share", "sum", "facts"));
                    if (filtered) {
                        b.filter(Filter.notIn(Dimension.AD, (String) null));
                    }
                    return b.build();
                });
        return adHoc.list().ofMinSize(1).ofMaxSize(3).map(more -> {
            List<ReportDefinition> all = new ArrayList<>(standard);
            all.addAll(more);
            return all;
        });
    }

    @Provide
    Arbitrary<TimeWindow> windows() {
        Arbitrary<TimeWindow> wholeDays = Combinators.combine(Arbitraries.integers().between(-1, DAYS),
                        Arbitraries.integers().between(1, DAYS + 1))
                .as((from, length) -> TimeWindow.between(T0.plus(Duration.ofDays(from)),
                        T0.plus(Duration.ofDays(from + length))));
        Arbitrary<TimeWindow> anyTime = Combinators.combine(
                        Arbitraries.longs().between(0, Duration.ofDays(DAYS).toMinutes()),
                        Arbitraries.longs().between(1, Duration.ofDays(DAYS).toMinutes()))
                .as((from, length) -> TimeWindow.between(T0.plus(Duration.ofMinutes(from)),
                        T0.plus(Duration.ofMinutes(from + length))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, wholeDays), net.jqwik.api.Tuple.of(2, anyTime),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(TimeWindow.ALL)));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(6, (ZoneId) ZoneOffset.UTC),
                net.jqwik.api.Tuple.of(1, ZoneId.of("Europe/Berlin")),
                net.jqwik.api.Tuple.of(1, (ZoneId) ZoneOffset.ofHoursMinutes(5, 45)));
    }
}
