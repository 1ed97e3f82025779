package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.customer.NewFeedback;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.customer.TimelineEntry.Kind;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.testkit.TestLeads;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.EmailClick;
import dev.crmkit.core.tracking.TrackedActivity.EmailSent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer tracking through {@code CustomerService}: purchases, feedback, history and timelines. */
public abstract class CustomerServiceContract extends ContractSupport {
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final Money PRICE = Money.of("1999.99", "EUR");

    private AccountId acme;
    private ContactId ada;
    private ContactId grace;
    private final List<CustomerEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpCustomers() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
        grace = crm.contacts().create(ContactDetails.of(acme, "Grace", "Hopper", null));
        crm.events().subscribe(CustomerEvent.class, events::add);
    }

    private Instant minutes(long m) {
        return START.plus(Duration.ofMinutes(m));
    }

    @Test
    void theFirstPurchaseMakesAccountAndContactCustomers() {
        clock.advance(Duration.ofDays(1));
        PurchaseId id = crm.customers().recordPurchase(new NewPurchase(null, ada, "ENG-1", "Difference Engine",
                START.plus(Duration.ofHours(3)), 3, PRICE, Set.of(UserId.of("rep-7"), UserId.of("rep-8")),
                "deliver to the back door", "ORD-42"));

        Purchase p = crm.customers().purchases(ada).get(0);
        assertThat(p.id()).isEqualTo(id);
        assertThat(p.account()).isEqualTo(acme);
        assertThat(p.purchasedAt()).isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(p.total()).isEqualTo(Money.of("5999.97", "EUR"));
        assertThat(p.reps()).containsExactlyInAnyOrder(UserId.of("rep-7"), UserId.of("rep-8"));
        assertThat(p.specialInstructions()).isEqualTo("deliver to the back door");
        assertThat(p.orderReference()).isEqualTo("ORD-42");
        assertThat(crm.accounts().get(acme).stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(crm.contacts().get(ada).stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(crm.contacts().get(grace).stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PurchaseRecorded", "AccountBecameCustomer", "ContactBecameCustomer");

        events.clear();
        crm.customers().recordPurchase(NewPurchase.of(acme, ada, "ENG-2", 1, PRICE));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("PurchaseRecorded");
    }

    @Test
    void anInvalidPurchaseNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> crm.customers().recordPurchase(new NewPurchase(null, null, " ", null,
                minutes(5), 0, Money.of("-1.00", "EUR"), null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("productCode", "quantity", "unitPrice",
                                "purchasedAt", "account"));
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        assertThatThrownBy(() -> crm.customers().recordPurchase(NewPurchase.of(other, ada, "P", 1, PRICE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("contact")).isTrue());
        assertThatThrownBy(() -> crm.customers().recordPurchase(NewPurchase.of(AccountId.of(UNKNOWN), null, "P", 1,
                PRICE))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("account")).isTrue());
        assertThat(crm.customers().purchases(acme)).isEmpty();
        assertThat(crm.accounts().get(acme).stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("AccountSaved");
    }

    @Test
    void purchaseHistoryIsPerAccountAndPerContactInTimeOrder() {
        clock.advance(Duration.ofDays(1));
        PurchaseId later = crm.customers().recordPurchase(new NewPurchase(acme, ada, "B", null, minutes(20), 1,
                PRICE, null, null, null));
        PurchaseId earlier = crm.customers().recordPurchase(new NewPurchase(acme, grace, "A", null, minutes(10), 2,
                PRICE, null, null, null));
        PurchaseId accountOnly = crm.customers().recordPurchase(new NewPurchase(acme, null, "C", null, minutes(30),
                1, PRICE, null, null, null));
        assertThat(crm.customers().purchases(acme)).extracting(Purchase::id)
                .containsExactly(earlier, later, accountOnly);
        assertThat(crm.customers().purchases(ada)).extracting(Purchase::id).containsExactly(later);
        assertThat(crm.customers().purchases(grace)).extracting(Purchase::id).containsExactly(earlier);
    }

    @Test
    void feedbackAboutAPurchaseBelongsToItsAccountAndContact() {
        PurchaseId p = crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-1", 1, PRICE));
        FeedbackId f = crm.customers().recordFeedback(NewFeedback.aboutPurchase(p, 4, "Works, but loud",
                Channel.EMAIL));
        assertThat(crm.customers().feedback(acme)).singleElement().satisfies(fb -> {
            assertThat(fb.id()).isEqualTo(f);
            assertThat(fb.contact()).isEqualTo(ada);
            assertThat(fb.purchase()).isEqualTo(p);
            assertThat(fb.rating()).isEqualTo(4);
            assertThat(fb.receivedAt()).isEqualTo(START);
        });
        assertThat(crm.customers().feedback(ada)).extracting(f2 -> f2.id()).containsExactly(f);
    }

    @Test
    void feedbackOutsideOneToFiveOrWithoutChannelIsRejectedAndNotStored() {
        for (int rating : new int[] {0, 6, -1}) {
            assertThatThrownBy(() -> crm.customers().recordFeedback(new NewFeedback(acme, null, null, rating, "meh",
                    null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                    .extracting(f -> f.field()).containsExactlyInAnyOrder("rating", "channel"));
        }
        PurchaseId p = crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-1", 1, PRICE));
        assertThatThrownBy(() -> crm.customers().recordFeedback(new NewFeedback(null, grace, p, 5, null,
                Channel.PHONE, minutes(60)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactlyInAnyOrder("contact", "receivedAt"));
        assertThatThrownBy(() -> crm.customers().recordFeedback(new NewFeedback(null, null, null, 3, null,
                Channel.PHONE, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("account")).isTrue());
        assertThat(crm.customers().feedback(acme)).isEmpty();
        for (int rating = 1; rating <= 5; rating++) {
            crm.customers().recordFeedback(new NewFeedback(acme, null, null, rating, null, Channel.CHAT, null));
        }
        assertThat(crm.customers().feedback(acme)).hasSize(5);
        assertThat(crm.customers().feedback(ada)).isEmpty();
    }

    /** A call, an email, a click, a purchase and feedback for Ada, in a known order, plus a visit to the account. */
    private void history() {
        var campaign = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.EMAIL));
        crm.tracking().createAd(new AdDetails(campaign, "Banner", "AD", null));
        clock.set(minutes(100));
        crm.tracking().logCall(new RepInteraction(null, ada, null, minutes(10), 120, "interested", null));
        crm.tracking().recordAll(List.of(
                new EmailSent("mail-1", minutes(20), null, ada, campaign, "Spring offer"),
                new EmailClick("click-1", minutes(40), null, ada, campaign, null, "https://example.com/offer")));
        crm.customers().recordPurchase(new NewPurchase(null, ada, "ENG-1", "Engine", minutes(50), 1, PRICE, null,
                null, null));
        crm.customers().recordFeedback(new NewFeedback(null, ada, null, 5, "Great", Channel.EMAIL, minutes(60)));
        crm.tracking().logVisit(new RepInteraction(null, null, acme, minutes(30), null, null, "site tour"));
    }

    @Test
    void theTimelineMergesEverythingNewestFirst() {
        history();
        var contactTimeline = crm.customers().timeline(ada, PageRequest.first(50));
        assertThat(contactTimeline.items()).extracting(TimelineEntry::kind, TimelineEntry::at).containsExactly(
                tuple(Kind.FEEDBACK, minutes(60)),
                tuple(Kind.PURCHASE, minutes(50)),
                tuple(Kind.EMAIL_CLICK, minutes(40)),
                tuple(Kind.EMAIL_SENT, minutes(20)),
                tuple(Kind.PHONE_CALL, minutes(10)));
        assertThat(contactTimeline.items()).extracting(TimelineEntry::summary).containsExactly(
                "Feedback 5/5 via EMAIL: Great",
                "Purchase: 1 x ENG-1 (Engine) at 1999.99 EUR",
                "Email link clicked: https://example.com/offer",
                "Email sent: Spring offer",
                "Phone call by rep-1 (120 s): interested");

        var accountTimeline = crm.customers().timeline(acme, PageRequest.first(50));
        assertThat(accountTimeline.items()).extracting(TimelineEntry::kind).containsExactly(Kind.FEEDBACK,
                Kind.PURCHASE, Kind.EMAIL_CLICK, Kind.SITE_VISIT, Kind.EMAIL_SENT, Kind.PHONE_CALL);
        assertThat(crm.customers().timeline(grace, PageRequest.first(50)).items()).isEmpty();
    }

    @Test
    void aPurchasesSpecialInstructionsAreKeptAsWrittenAndShownInTheTimelineOnOneLine() {
        String instructions = "Leave at reception\r\n\r\n  Fragile: glass \u00e9\u540d\uD83D\uDE00\nThanks";
        PurchaseId id = crm.customers().recordPurchase(new NewPurchase(acme, ada, "ENG-1", null, minutes(-5), 1,
                PRICE, null, "\n " + instructions + " \n", null));
        assertThat(crm.customers().purchases(acme)).singleElement().extracting(Purchase::specialInstructions)
                .isEqualTo(instructions);
        for (var timeline : List.of(crm.customers().timeline(ada, PageRequest.first(10)),
                crm.customers().timeline(acme, PageRequest.first(10)))) {
            assertThat(timeline.items()).extracting(TimelineEntry::kind, TimelineEntry::summary,
                    TimelineEntry::reference).containsExactly(tuple(Kind.PURCHASE, "Purchase: 1 x ENG-1 at 1999.99 EUR;"
                    + " special instructions: Leave at reception / Fragile: glass \u00e9\u540d\uD83D\uDE00 / Thanks",
                    id.value()));
        }
    }

    @Test
    void clicksOfAConvertedLeadsVisitorShowInTheContactTimeline() {
        var campaign = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        crm.tracking().createAd(new AdDetails(campaign, "Banner", "AD", null));
        TestLeads.saveConverted(storage(), tenant, "v-9", ada, acme, START);
        crm.tracking().record(new AdClick("click-9", minutes(-5), "v-9", "AD", null, "https://example.com/x"));
        assertThat(crm.customers().timeline(ada, PageRequest.first(10)).items()).extracting(TimelineEntry::kind,
                TimelineEntry::summary).containsExactly(tuple(Kind.AD_CLICK, "Ad click: https://example.com/x"));
        assertThat(crm.customers().timeline(acme, PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void theTimelineIsPaged() {
        history();
        var first = crm.customers().timeline(acme, PageRequest.first(4));
        var second = crm.customers().timeline(acme, PageRequest.first(4).next());
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).hasSize(4);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(TimelineEntry::kind).containsExactly(Kind.EMAIL_SENT, Kind.PHONE_CALL);
        assertThat(second.hasNext()).isFalse();
    }
}
