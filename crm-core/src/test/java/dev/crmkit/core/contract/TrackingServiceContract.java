package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.testkit.TestLeads;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.AdImpressions;
import dev.crmkit.core.tracking.TrackedActivity.Conversion;
import dev.crmkit.core.tracking.TrackedActivity.EmailClick;
import dev.crmkit.core.tracking.TrackedActivity.EmailSent;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import dev.crmkit.core.tracking.TrackingEvent;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import dev.crmkit.core.tracking.TrackingLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prospect tracking through {@code TrackingService}: setup, idempotent ingestion, attribution, rep entries. */
public abstract class TrackingServiceContract extends ContractSupport {
    /** An id no record of the test has. */
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-7000-8000-000000000001");
    /** Threads that post at once in the concurrency tests, and how many times they do. */
    private static final int RACERS = 4;
    private static final int ROUNDS = 20;

    private CampaignId spring;
    private AdId bannerA;
    private AdId bannerB;
    private AffiliateId blog;
    private final List<TrackingEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUpTracking() {
        spring = crm.tracking().createCampaign(new CampaignDetails("Spring launch", Channel.WEB,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), Money.of("5000.00", "USD"), null));
        bannerA = crm.tracking().createAd(new AdDetails(spring, "Banner A", "SPRING-A", "https://example.com/a"));
        bannerB = crm.tracking().createAd(new AdDetails(spring, "Banner B", "SPRING-B", "https://example.com/b"));
        blog = crm.tracking().createAffiliate(new AffiliateDetails("Gadget Blog", "gadgets.example.org", "BLOG"));
        crm.events().subscribe(TrackingEvent.class, events::add);
    }

    private Ad ad(AdId id) {
        return crm.tracking().ad(id).orElseThrow();
    }

    private static Instant min(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static AdClick click(String id, String visitor, String adCode, long minute) {
        return new AdClick(id, min(minute), visitor, adCode, null, "https://example.com/landing");
    }

    private Touchpoint byExternalId(String visitor, String externalId) {
        return crm.tracking().touchpointsOfVisitor(visitor).stream()
                .filter(t -> externalId.equals(t.externalEventId())).findFirst().orElseThrow();
    }

    private List<Touchpoint> recorded() {
        return events.stream().filter(e -> e instanceof TouchpointsRecorded)
                .flatMap(e -> ((TouchpointsRecorded) e).touchpoints().stream()).toList();
    }

    // ---- setup ----

    @Test
    void setupIsListed() {
        assertThat(crm.tracking().campaigns()).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Spring launch"));
        assertThat(crm.tracking().ads(spring)).extracting(a -> a.trackingCode())
                .containsExactly("SPRING-A", "SPRING-B");
        assertThat(crm.tracking().affiliates()).singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(blog));
    }

    @Test
    void aSecondAdWithTheSameTrackingCodeIsADuplicateNamingTheCode() {
        assertThatThrownBy(() -> crm.tracking().createAd(new AdDetails(spring, "Banner C", "SPRING-A", null)))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("SPRING-A").hasMessageContaining("Banner A");
        assertThatThrownBy(() -> crm.tracking().updateAd(ad(bannerB), new AdDetails(spring, "B", "SPRING-A", null)))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> crm.tracking().createAffiliate(new AffiliateDetails("Other", null, "BLOG")))
                .isInstanceOf(DuplicateException.class).hasMessageContaining("BLOG");
        assertThat(crm.tracking().ads(spring)).hasSize(2);

        // Keeping its own code on update is no conflict.
        assertThat(crm.tracking().updateAd(ad(bannerA), new AdDetails(spring, "Banner A2", "SPRING-A", null)).name())
                .isEqualTo("Banner A2");
    }

    @Test
    void invalidCampaignNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> crm.tracking().createCampaign(new CampaignDetails(" ", Channel.WEB,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), Money.of("-1.00", "USD"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("name", "endDate", "budget"));
        assertThatThrownBy(() -> crm.tracking().createAd(new AdDetails(CampaignId.of(UNKNOWN), "", "X", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("name", "campaign"));
        assertThat(crm.tracking().campaigns()).hasSize(1);
        assertThat(events).isEmpty();
    }

    @Test
    void campaignUpdateKeepsIdentityAndCreationTime() {
        clock.advance(Duration.ofHours(1));
        var updated = crm.tracking().updateCampaign(crm.tracking().campaign(spring).orElseThrow(),
                CampaignDetails.named("Spring relaunch", Channel.SOCIAL));
        assertThat(updated.id()).isEqualTo(spring);
        assertThat(updated.createdAt()).isEqualTo(START);
        assertThat(crm.tracking().campaign(spring)).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("Spring relaunch");
            assertThat(c.channel()).isEqualTo(Channel.SOCIAL);
        });
    }

    // ---- ingestion ----

    @Test
    void theSameClickRecordedTwiceCountsOnce() {
        AdClick c = new AdClick("evt-1", min(1), "v-1", "SPRING-A", "BLOG", "https://example.com/a?x=1");
        assertThat(crm.tracking().record(c)).isTrue();
        assertThat(crm.tracking().record(c)).isFalse();
        assertThat(crm.tracking().recordAll(List.of(c, click("evt-2", "v-1", "SPRING-B", 2),
                click("evt-2", "v-1", "SPRING-B", 2)))).isEqualTo(1);

        List<Touchpoint> stored = crm.tracking().touchpointsOfVisitor("v-1");
        assertThat(stored).extracting(Touchpoint::externalEventId).containsExactly("evt-1", "evt-2");
        Touchpoint first = stored.get(0);
        assertThat(first.kind()).isEqualTo(TouchpointKind.AD_CLICK);
        assertThat(first.ad()).isEqualTo(bannerA);
        assertThat(first.campaign()).isEqualTo(spring);
        assertThat(first.affiliate()).isEqualTo(blog);
        assertThat(first.detail()).isEqualTo("https://example.com/a?x=1");
        assertThat(recorded()).hasSize(2);
    }

    @Test
    void anUnknownTrackingCodeIsAValidationErrorNamingTheFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> crm.tracking().recordAll(List.of(click("e1", "v-1", "SPRING-A", 1),
                new AdClick("e2", min(2), "v-1", "NOPE", "NOBLOG", null),
                new AdClick(" ", null, "v-1", "SPRING-A", null, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("events[1].adCode",
                                "events[1].affiliateCode", "events[2].externalEventId", "events[2].occurredAt"));
        assertThatThrownBy(() -> crm.tracking().record(click("e3", "v-1", "NOPE", 3)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasErrorFor("adCode")).isTrue();
                    assertThat(e.getMessage()).contains("NOPE");
                });
        assertThat(crm.tracking().touchpointsOfVisitor("v-1")).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void impressionsAreRecordedInBulkPerAdAffiliateAndDay() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        List<TrackedActivity> batch = List.of(
                new AdImpressions("imp-A-BLOG-0105", day, "SPRING-A", "BLOG", 1200),
                new AdImpressions("imp-A-0105", day, "SPRING-A", null, 300),
                new AdImpressions("imp-B-0106", day.plusDays(1), "SPRING-B", null, 80));
        assertThat(crm.tracking().recordAll(batch)).isEqualTo(3);
        assertThat(crm.tracking().recordAll(batch)).isZero();

        assertThat(recorded()).extracting(Touchpoint::kind).containsOnly(TouchpointKind.AD_IMPRESSION);
        assertThat(recorded()).extracting(Touchpoint::ad, Touchpoint::affiliate, Touchpoint::count,
                Touchpoint::occurredAt).containsExactly(
                tuple(bannerA, blog, 1200L, Instant.parse("2026-01-05T00:00:00Z")),
                tuple(bannerA, null, 300L, Instant.parse("2026-01-05T00:00:00Z")),
                tuple(bannerB, null, 80L, Instant.parse("2026-01-06T00:00:00Z")));

        assertThatThrownBy(() -> crm.tracking().record(new AdImpressions("imp-x", null, null, null, 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("day", "count", "adCode"));
        // a count beyond any ad server's would let sums of them leave the exact range of reports
        assertThatThrownBy(() -> crm.tracking().record(new AdImpressions("imp-y", LocalDate.parse("2026-01-05"),
                "SPRING-A", null, TrackingLimits.IMPRESSIONS + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("count"));
    }

    @Test
    void aConversionIsAttributedToTheFirstAndLastClickBeforeIt() {
        crm.tracking().recordAll(List.of(
                click("c2", "v-1", "SPRING-B", 20),
                click("c1", "v-1", "SPRING-A", 10),
                click("c-late", "v-1", "SPRING-A", 40),
                click("c-other", "v-2", "SPRING-A", 5)));
        crm.tracking().record(new Conversion("conv-1", min(30), "v-1", null, Money.of("49.00", "USD"), null,
                null, "signup"));

        Touchpoint conversion = byExternalId("v-1", "conv-1");
        assertThat(conversion.kind()).isEqualTo(TouchpointKind.CONVERSION);
        assertThat(conversion.firstClick()).isEqualTo(byExternalId("v-1", "c1").id());
        assertThat(conversion.lastClick()).isEqualTo(byExternalId("v-1", "c2").id());
        assertThat(conversion.ad()).isEqualTo(bannerB);
        assertThat(conversion.campaign()).isEqualTo(spring);
        assertThat(conversion.value()).isEqualTo(Money.of("49.00", "USD"));
    }

    @Test
    void aConversionRecordedAgainKeepsItsFirstAttribution() {
        crm.tracking().record(click("c1", "v-1", "SPRING-A", 10));
        Conversion conversion = new Conversion("conv", min(30), "v-1", null, null, null, null, null);
        assertThat(crm.tracking().record(conversion)).isTrue();
        crm.tracking().record(click("c0", "v-1", "SPRING-B", 5));
        assertThat(crm.tracking().recordAll(List.of(conversion, conversion))).isZero();

        List<Touchpoint> conversions = crm.tracking().touchpointsOfVisitor("v-1").stream()
                .filter(t -> t.kind() == TouchpointKind.CONVERSION).toList();
        assertThat(conversions).singleElement()
                .satisfies(t -> assertThat(t.firstClick()).isEqualTo(byExternalId("v-1", "c1").id()));
    }

    @Test
    void updatingAnUnknownCampaignFails() {
        assertThatThrownBy(() -> crm.tracking().updateCampaign(CampaignId.of(UNKNOWN), 1,
                CampaignDetails.named("X", Channel.WEB))).isInstanceOf(NotFoundException.class);
        assertThat(crm.tracking().campaigns()).hasSize(1);
    }

    @Test
    void aConversionNamingItsAdKeepsItAndOneWithoutClicksHasNoAttribution() {
        crm.tracking().record(click("c1", "v-1", "SPRING-B", 10));
        crm.tracking().recordAll(List.of(
                new Conversion("conv-1", min(30), "v-1", null, null, "SPRING-A", null, null),
                new Conversion("conv-2", min(30), "v-9", null, null, null, null, null)));

        Touchpoint named = byExternalId("v-1", "conv-1");
        assertThat(named.ad()).isEqualTo(bannerA);
        assertThat(named.lastClick()).isEqualTo(byExternalId("v-1", "c1").id());
        Touchpoint orphan = byExternalId("v-9", "conv-2");
        assertThat(orphan.firstClick()).isNull();
        assertThat(orphan.lastClick()).isNull();
        assertThat(orphan.ad()).isNull();
    }

    @Test
    void clicksInTheSameBatchCountForTheConversion() {
        crm.tracking().recordAll(List.of(
                new Conversion("conv", min(30), "v-1", null, null, null, null, null),
                click("c1", "v-1", "SPRING-A", 10)));
        assertThat(byExternalId("v-1", "conv").firstClick()).isEqualTo(byExternalId("v-1", "c1").id());
    }

    // ---- concurrent ingestion (at-least-once delivery retrying while the first attempt still runs) ----

    @Test
    void threadsRecordingTheSameEventAtOnceStoreItOnceAndOnlyOneOfThemSeesItAsNew() throws Exception {
        List<Object> oneNew = new ArrayList<>(Collections.nCopies(RACERS - 1, false));
        oneNew.add(true);
        List<String> posted = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            AdClick c = click("race-" + round, "v-race", "SPRING-A", round);
            posted.add(c.externalEventId());

            List<Object> outcomes = atOnce(Collections.nCopies(RACERS, () -> crm.tracking().record(c)));

            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrderElementsOf(oneNew);
        }
        assertThat(crm.tracking().touchpointsOfVisitor("v-race")).extracting(Touchpoint::externalEventId)
                .containsExactlyElementsOf(posted);
        assertThat(recorded()).extracting(Touchpoint::externalEventId).containsExactlyInAnyOrderElementsOf(posted);
    }

    @Test
    void threadsRecordingOverlappingBatchesAtOnceStoreEveryEventOnceAndCountItAsNewOnce() throws Exception {
        int batchSize = 3;
        List<String> posted = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<TrackedActivity> clicks = new ArrayList<>();
            for (int k = 0; k < RACERS + batchSize - 1; k++) {
                clicks.add(click("r" + round + "-c" + k, "v-batch", k % 2 == 0 ? "SPRING-A" : "SPRING-B",
                        round * 10L + k));
            }
            Conversion sale = new Conversion("r" + round + "-sale", min(round * 10L + 9), "v-batch", null, null,
                    null, null, null);
            clicks.forEach(c -> posted.add(c.externalEventId()));
            posted.add(sale.externalEventId());
            // Each batch has a click of its own, whose id sorts before the shared ones, overlaps its neighbours'
            // and carries the sale all carry; every other batch comes in reverse order.
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                AdClick own = click("r" + round + "-a" + i, "v-batch", "SPRING-A", round * 10L + i);
                posted.add(own.externalEventId());
                List<TrackedActivity> batch = new ArrayList<>(clicks.subList(i, i + batchSize));
                batch.add(1, own);
                if (i % 2 == 1) {
                    Collections.reverse(batch);
                }
                batch.add(sale);
                posts.add(() -> crm.tracking().recordAll(batch));
            }

            List<Object> outcomes = atOnce(posts);

            assertThat(outcomes).as("round %d", round).hasOnlyElementsOfType(Integer.class);
            assertThat(outcomes.stream().mapToInt(o -> (Integer) o).sum()).as("round %d", round)
                    .isEqualTo(clicks.size() + RACERS + 1);
        }
        assertThat(crm.tracking().touchpointsOfVisitor("v-batch")).extracting(Touchpoint::externalEventId)
                .containsExactlyInAnyOrderElementsOf(posted);
        assertThat(recorded()).extracting(Touchpoint::externalEventId).containsExactlyInAnyOrderElementsOf(posted);
    }

    /** Runs each action on a thread of its own, all released together; what each returned or threw, in order. */
    private static List<Object> atOnce(List<? extends Callable<?>> actions) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actions.size());
        ExecutorService threads = Executors.newFixedThreadPool(actions.size());
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<?> action : actions) {
                running.add(threads.submit(() -> {
                    start.await();
                    try {
                        return action.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> r : running) {
                outcomes.add(r.get());
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void identifyingAVisitorLinksTheirPastAndFutureTouchpointsToTheLead() {
        LeadId lead = TestLeads.save(storage(), tenant, "ada@example.com", START);
        crm.tracking().recordAll(List.of(click("c1", "v-1", "SPRING-A", 1), click("c2", "v-1", "SPRING-B", 2),
                click("c3", "v-2", "SPRING-B", 3)));

        assertThat(crm.tracking().identify("v-1", lead)).isEqualTo(2);
        assertThat(crm.tracking().identify("v-1", lead)).isZero();
        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::externalEventId)
                .containsExactly("c1", "c2");
        assertThat(TestLeads.find(storage(), tenant, lead).visitorIds()).contains("v-1");

        crm.tracking().record(click("c4", "v-1", "SPRING-A", 4));
        assertThat(byExternalId("v-1", "c4").lead()).isEqualTo(lead);

        // A conversion known only by the lead (e.g. an offline sale) still finds the visitor's clicks.
        crm.tracking().record(new Conversion("conv", min(10), null, lead, null, null, null, null));
        Touchpoint conversion = crm.tracking().touchpointsOfLead(lead).stream()
                .filter(t -> t.kind() == TouchpointKind.CONVERSION).findFirst().orElseThrow();
        assertThat(conversion.firstClick()).isEqualTo(byExternalId("v-1", "c1").id());
        assertThat(conversion.lastClick()).isEqualTo(byExternalId("v-1", "c4").id());
        assertThat(events).anyMatch(e -> e instanceof TrackingEvent.VisitorIdentified v && v.linked() == 2);
    }

    @Test
    void aBatchOfClicksFromManyVisitorsLinksEachKnownVisitorsClicksToTheirOwnLead() {
        LeadId ada = TestLeads.save(storage(), tenant, "ada@example.com", START);
        LeadId bob = TestLeads.save(storage(), tenant, "bob@example.com", START);
        crm.tracking().recordAll(List.of(click("a0", "v-ada", "SPRING-A", 1), click("b0", "v-bob", "SPRING-A", 1)));
        crm.tracking().identify("v-ada", ada);
        crm.tracking().identify("v-bob", bob);

        assertThat(crm.tracking().recordAll(List.of(click("a1", "v-ada", "SPRING-A", 2),
                click("n1", "v-new", "SPRING-B", 3), click("b1", "v-bob", "SPRING-B", 4),
                click("a2", "v-ada", "SPRING-B", 5), click("x1", "v-other", "SPRING-A", 6)))).isEqualTo(5);

        assertThat(crm.tracking().touchpointsOfLead(ada)).extracting(Touchpoint::externalEventId)
                .containsExactly("a0", "a1", "a2");
        assertThat(crm.tracking().touchpointsOfLead(bob)).extracting(Touchpoint::externalEventId)
                .containsExactly("b0", "b1");
        assertThat(byExternalId("v-new", "n1").lead()).isNull();
    }

    @Test
    void identifyingWithAnUnknownLeadFails() {
        assertThatThrownBy(() -> crm.tracking().identify("v-1", LeadId.of(UNKNOWN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.tracking().identify(" ", LeadId.of(UNKNOWN)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("visitorId"))
                        .isTrue());
    }

    @Test
    void emailsAndFormsAreRecordedForTheirPeople() {
        LeadId lead = TestLeads.save(storage(), tenant, "ada@example.com", START);
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Engines"));
        ContactId contact = crm.contacts().create(ContactDetails.of(account, "Charles", "Babbage",
                "charles@example.com"));
        int stored = crm.tracking().recordAll(List.of(
                new EmailSent("m1", min(1), null, contact, spring, "Spring offer"),
                new EmailClick("m1-click", min(2), null, contact, spring, "v-5", "https://example.com/offer"),
                new FormSubmission("f1", min(3), "v-6", lead, null, "Contact us")));
        assertThat(stored).isEqualTo(3);
        assertThat(recorded()).extracting(Touchpoint::kind, Touchpoint::channel, Touchpoint::account)
                .containsExactly(
                        tuple(TouchpointKind.EMAIL_SENT, Channel.EMAIL, account),
                        tuple(TouchpointKind.EMAIL_CLICK, Channel.EMAIL, account),
                        tuple(TouchpointKind.FORM_SUBMISSION, Channel.WEB, null));
        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::detail)
                .containsExactly("Contact us");

        assertThatThrownBy(() -> crm.tracking().record(new EmailSent("m2", min(1), null, null,
                CampaignId.of(UNKNOWN), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("lead", "campaign"));
    }

    // ---- rep entries ----

    @Test
    void repsLogCallsAndVisitsRegardingLeadsContactsAndAccounts() {
        LeadId lead = TestLeads.save(storage(), tenant, "ada@example.com", START);
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Engines"));
        ContactId contact = crm.contacts().create(ContactDetails.of(account, "Charles", "Babbage", null));

        TouchpointId call = as("rep-2").tracking().logCall(RepInteraction.withLead(lead, 300, "interested",
                "wants a demo"));
        clock.advance(Duration.ofHours(2));
        TouchpointId visit = crm.tracking().logVisit(RepInteraction.withContact(contact, 3600, "signed", null));

        assertThat(crm.tracking().touchpoint(call)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(TouchpointKind.PHONE_CALL);
            assertThat(t.channel()).isEqualTo(Channel.PHONE);
            assertThat(t.rep()).isEqualTo(UserId.of("rep-2"));
            assertThat(t.lead()).isEqualTo(lead);
            assertThat(t.durationSeconds()).isEqualTo(300);
            assertThat(t.outcome()).isEqualTo("interested");
            assertThat(t.detail()).isEqualTo("wants a demo");
            assertThat(t.occurredAt()).isEqualTo(START);
        });
        assertThat(crm.tracking().touchpoint(visit)).hasValueSatisfying(t -> {
            assertThat(t.kind()).isEqualTo(TouchpointKind.SITE_VISIT);
            assertThat(t.rep()).isEqualTo(UserId.of("rep-1"));
            assertThat(t.contact()).isEqualTo(contact);
            assertThat(t.account()).isEqualTo(account);
            assertThat(t.occurredAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        });
    }

    @Test
    void anInvalidRepEntryNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> crm.tracking().logCall(new RepInteraction(null, null, null, min(60), -5, null,
                null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(f -> f.field()).containsExactlyInAnyOrder("regarding", "occurredAt", "durationSeconds"));
        assertThatThrownBy(() -> crm.tracking().logVisit(RepInteraction.withContact(ContactId.of(UNKNOWN), null,
                null, null))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.hasErrorFor("contact")).isTrue());
        assertThat(events).isEmpty();
        assertThat(Set.copyOf(recorded())).isEmpty();
    }
}
