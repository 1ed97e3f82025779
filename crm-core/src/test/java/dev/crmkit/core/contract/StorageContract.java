package dev.crmkit.core.contract;

import static dev.crmkit.core.testkit.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.spi.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Storage-level contract: what every {@code Storage} adapter must do, independent of the services. */
public abstract class StorageContract extends ContractSupport {

    private <T> T write(Function<StorageTx, T> work) {
        return storage().write(tenant, work);
    }

    private <T> T read(Function<StorageTx, T> work) {
        return storage().read(tenant, work);
    }

    private static LeadId leadId() {
        return LeadId.of(UUID.randomUUID());
    }

    @Test
    void everyAggregateRoundTripsWithAllFields() {
        Lead lead = Samples.lead(leadId(), "ada@example.com");
        AccountId accountId = AccountId.of(UUID.randomUUID());
        Account account = Samples.account(accountId, "Analytical Engines");
        ContactId contactId = ContactId.of(UUID.randomUUID());
        Contact contact = Samples.contact(contactId, accountId, "charles@example.com");
        PurchaseId purchaseId = PurchaseId.of(UUID.randomUUID());
        Purchase purchase = Samples.purchase(purchaseId, accountId, contactId);
        Feedback feedback = Samples.feedback(FeedbackId.of(UUID.randomUUID()), accountId, contactId, purchaseId);
        CampaignId campaignId = CampaignId.of(UUID.randomUUID());
        Campaign campaign = Samples.campaign(campaignId);
        Ad ad = Samples.ad(AdId.of(UUID.randomUUID()), campaignId, "AD-1");
        AffiliateSite affiliate = Samples.affiliate(AffiliateId.of(UUID.randomUUID()), "AFF-1");
        Touchpoint click = Samples.click(TouchpointId.of(UUID.randomUUID()), "ext-1", "visitor-1", at(5));
        Touchpoint call = Samples.call(TouchpointId.of(UUID.randomUUID()), lead.id(), at(6));

        write(tx -> {
            tx.leads().save(lead);
            tx.accounts().save(account);
            tx.contacts().save(contact);
            tx.purchases().save(purchase);
            tx.feedback().save(feedback);
            tx.campaigns().save(campaign);
            tx.ads().save(ad);
            tx.affiliates().save(affiliate);
            tx.touchpoints().insertAll(List.of(click, call));
            return null;
        });

        read(tx -> {
            assertThat(tx.leads().get(lead.id())).isEqualTo(lead.withVersion(1));
            assertThat(tx.accounts().get(accountId)).isEqualTo(account.withVersion(1));
            assertThat(tx.contacts().get(contactId)).isEqualTo(contact.withVersion(1));
            assertThat(tx.purchases().get(purchaseId)).isEqualTo(purchase.withVersion(1));
            assertThat(tx.feedback().get(feedback.id())).isEqualTo(feedback.withVersion(1));
            assertThat(tx.campaigns().get(campaignId)).isEqualTo(campaign.withVersion(1));
            assertThat(tx.ads().get(ad.id())).isEqualTo(ad.withVersion(1));
            assertThat(tx.affiliates().get(affiliate.id())).isEqualTo(affiliate.withVersion(1));
            assertThat(tx.touchpoints().find(click.id())).contains(click);
            assertThat(tx.touchpoints().find(call.id())).contains(call);
            return null;
        });
    }

    @Test
    void saveIncrementsVersionAndRejectsStaleWrites() {
        Lead lead = Samples.lead(leadId(), "ada@example.com");
        Lead v1 = write(tx -> tx.leads().save(lead));
        assertThat(v1.version()).isEqualTo(1);

        Lead v2 = write(tx -> tx.leads().save(v1));
        assertThat(v2.version()).isEqualTo(2);

        // A second writer still holding version 1 lost the race.
        assertThatThrownBy(() -> write(tx -> tx.leads().save(v1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(read((StorageTx tx) -> tx.leads().get(lead.id()).version())).isEqualTo(2);
    }

    @Test
    void insertingAnExistingIdIsADuplicate() {
        Lead lead = Samples.lead(leadId(), "ada@example.com");
        write(tx -> tx.leads().save(lead));
        assertThatThrownBy(() -> write(tx -> tx.leads().save(lead))).isInstanceOf(DuplicateException.class);
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        Lead lead = Samples.lead(leadId(), "ada@example.com");
        Lead stored = write(tx -> tx.leads().save(lead));
        Touchpoint click = Samples.click(TouchpointId.of(UUID.randomUUID()), "ext-rollback", "v-9", at(1));

        assertThatThrownBy(() -> write(tx -> {
            tx.leads().save(stored);
            tx.leads().save(Samples.lead(leadId(), "grace@example.com"));
            tx.touchpoints().insertAll(List.of(click));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        read(tx -> {
            assertThat(tx.leads().get(lead.id()).version()).isEqualTo(1);
            assertThat(tx.leads().findByEmail(EmailAddress.of("grace@example.com"))).isEmpty();
            assertThat(tx.touchpoints().findByExternalEventId("ext-rollback")).isEmpty();
            return null;
        });
    }

    @Test
    void tenantsNeverSeeEachOthersData() {
        Lead lead = Samples.lead(leadId(), "ada@example.com");
        write(tx -> tx.leads().save(lead));
        TenantId other = freshTenant();

        storage().read(other, tx -> {
            assertThat(tx.leads().find(lead.id())).isEmpty();
            assertThat(tx.leads().findByEmail(lead.email())).isEmpty();
            assertThat(tx.leads().search(LeadQuery.all(), PageRequest.first(10)).total()).isZero();
            return null;
        });
        // Writing the same id in another tenant is not a conflict with this one.
        storage().write(other, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com")));
        assertThat(read((StorageTx tx) -> tx.leads().findByEmail(lead.email()))).hasSize(1);
    }

    @Test
    void readOnlyTransactionsRejectWrites() {
        assertThatThrownBy(() -> read(tx -> tx.leads().save(Samples.lead(leadId(), "ada@example.com"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leadLookupsUseTheNormalizedKeys() {
        Lead lead = write(tx -> tx.leads().save(Samples.lead(leadId(), "Ada@Example.com")));
        read(tx -> {
            assertThat(tx.leads().findByEmail(EmailAddress.of("ada@example.com"))).containsExactly(lead);
            assertThat(tx.leads().findByPhone(lead.phone())).containsExactly(lead);
            assertThat(tx.leads().findByNameKey(lead.nameKey())).containsExactly(lead);
            assertThat(tx.leads().findByVisitorId("visitor-2")).containsExactly(lead);
            assertThat(tx.leads().findByVisitorId("visitor-3")).isEmpty();
            return null;
        });
    }

    @Test
    void leadSearchFiltersPagesAndCounts() {
        for (int i = 0; i < 7; i++) {
            int n = i;
            Lead base = Samples.lead(leadId(), "p" + i + "@example.com");
            Lead lead = new Lead(base.id(), 0, base.firstName(), base.lastName(), base.company(), base.title(),
                    base.email(), base.phone(), n % 2 == 0 ? base.address() : null, base.source(),
                    base.attribution(), base.consent(), n < 5 ? LeadStatus.NEW : LeadStatus.QUALIFIED, null, n * 10,
                    UserId.of(n % 3 == 0 ? "rep-a" : "rep-b"), n == 6, base.duplicates(), base.visitorIds(),
                    base.tags(), base.customFields(), base.nameKey(), null, null, null, at(n), at(n), List.of());
            write(tx -> tx.leads().save(lead));
        }
        read(tx -> {
            var firstPage = tx.leads().search(LeadQuery.all(), new PageRequest(0, 4));
            var secondPage = tx.leads().search(LeadQuery.all(), new PageRequest(1, 4));
            assertThat(firstPage.total()).isEqualTo(6); // the spam lead is left out
            assertThat(firstPage.items()).extracting(l -> l.email().value())
                    .containsExactly("p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com");
            assertThat(secondPage.items()).extracting(l -> l.email().value())
                    .containsExactly("p4@example.com", "p5@example.com");
            assertThat(secondPage.hasNext()).isFalse();

            var owned = tx.leads().search(LeadQuery.all().withOwner(UserId.of("rep-a")), PageRequest.first(10));
            assertThat(owned.items()).extracting(l -> l.email().value())
                    .containsExactly("p0@example.com", "p3@example.com");
            assertThat(tx.leads().search(LeadQuery.all().withCountry("GB").withStatuses(LeadStatus.NEW),
                    PageRequest.first(10)).total()).isEqualTo(3);

            assertThat(tx.leads().countBy(LeadQuery.all(), GroupField.QUALIFICATION))
                    .containsEntry("NEW", 5L).containsEntry("QUALIFIED", 1L).hasSize(2);
            assertThat(tx.leads().countBy(LeadQuery.all(), GroupField.COUNTRY))
                    .containsEntry("GB", 3L).containsEntry("", 3L);
            return null;
        });
    }

    @Test
    void contactLookupsSearchAndCounts() {
        AccountId accountId = AccountId.of(UUID.randomUUID());
        write(tx -> tx.accounts().save(Samples.account(accountId, "Analytical Engines")));
        Contact c1 = write(tx -> tx.contacts().save(Samples.contact(ContactId.of(UUID.randomUUID()), accountId,
                "c1@example.com")));
        Contact base = Samples.contact(ContactId.of(UUID.randomUUID()), null, "c2@example.com");
        Contact prospect = new Contact(base.id(), 0, null, "Grace", "Hopper", null, base.email(), null, null, null,
                null, null, null, false, LifecycleStage.PROSPECT, UserId.of("rep-2"), null, null, null,
                "hopper|grace", at(30), at(30));
        Contact c2 = write(tx -> tx.contacts().save(prospect));

        read(tx -> {
            assertThat(tx.contacts().findByEmail(EmailAddress.of("C1@example.com"))).containsExactly(c1);
            assertThat(tx.contacts().findByPhone(c1.phone())).containsExactly(c1);
            assertThat(tx.contacts().findByNameKey("hopper|grace")).containsExactly(c2);
            assertThat(tx.contacts().findByAccount(accountId)).containsExactly(c1);
            assertThat(tx.contacts().search(ContactQuery.all().withStage(LifecycleStage.PROSPECT),
                    PageRequest.first(10)).items()).containsExactly(c2);
            assertThat(tx.contacts().countBy(ContactQuery.all(), GroupField.STAGE))
                    .containsEntry("CUSTOMER", 1L).containsEntry("PROSPECT", 1L);
            assertThat(tx.accounts().findByNameKey("analytical engines")).hasSize(1);
            assertThat(tx.accounts().list(PageRequest.first(10)).total()).isEqualTo(1);
            return null;
        });
    }

    @Test
    void trackingCodesAreUniquePerTenant() {
        CampaignId campaignId = CampaignId.of(UUID.randomUUID());
        write(tx -> {
            tx.campaigns().save(Samples.campaign(campaignId));
            tx.ads().save(Samples.ad(AdId.of(UUID.randomUUID()), campaignId, "SPRING-1"));
            tx.affiliates().save(Samples.affiliate(AffiliateId.of(UUID.randomUUID()), "BLOG-1"));
            return null;
        });
        assertThatThrownBy(() -> write(tx ->
                tx.ads().save(Samples.ad(AdId.of(UUID.randomUUID()), campaignId, "SPRING-1"))))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> write(tx ->
                tx.affiliates().save(Samples.affiliate(AffiliateId.of(UUID.randomUUID()), "BLOG-1"))))
                .isInstanceOf(DuplicateException.class);
        read(tx -> {
            assertThat(tx.ads().findByTrackingCode("SPRING-1")).isPresent();
            assertThat(tx.ads().findByCampaign(campaignId)).hasSize(1);
            assertThat(tx.affiliates().findByTrackingCode("BLOG-1")).isPresent();
            assertThat(tx.campaigns().list()).hasSize(1);
            return null;
        });
        // Another tenant may use the same code.
        storage().write(freshTenant(), tx ->
                tx.affiliates().save(Samples.affiliate(AffiliateId.of(UUID.randomUUID()), "BLOG-1")));
    }

    @Test
    void touchpointsAreIdempotentOnExternalEventId() {
        Touchpoint a = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-1", "v-1", at(1));
        Touchpoint aAgain = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-1", "v-1", at(1));
        Touchpoint b = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-2", "v-1", at(2));
        Touchpoint noExternalId = Samples.call(TouchpointId.of(UUID.randomUUID()), leadId(), at(3));

        List<Touchpoint> first = write(tx -> tx.touchpoints().insertAll(List.of(a, aAgain, b, noExternalId)));
        assertThat(first).containsExactly(a, b, noExternalId);
        List<Touchpoint> second = write(tx -> tx.touchpoints().insertAll(List.of(aAgain, b)));
        assertThat(second).isEmpty();
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByVisitor("v-1"))).containsExactly(a, b);
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByExternalEventId("evt-2"))).contains(b);
    }

    @Test
    void visitorTouchpointsFollowTheLeadAndThenTheContact() {
        LeadId lead = leadId();
        ContactId contact = ContactId.of(UUID.randomUUID());
        AccountId account = AccountId.of(UUID.randomUUID());
        Touchpoint c1 = Samples.click(TouchpointId.of(UUID.randomUUID()), "e1", "v-7", at(1));
        Touchpoint c2 = Samples.click(TouchpointId.of(UUID.randomUUID()), "e2", "v-7", at(2));
        Touchpoint other = Samples.click(TouchpointId.of(UUID.randomUUID()), "e3", "v-8", at(3));
        write(tx -> tx.touchpoints().insertAll(List.of(c1, c2, other)));

        assertThat(write((StorageTx tx) -> tx.touchpoints().linkVisitorToLead("v-7", lead))).isEqualTo(2);
        assertThat(write((StorageTx tx) -> tx.touchpoints().linkVisitorToLead("v-7", lead))).isZero();
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByLead(lead))).extracting(Touchpoint::id)
                .containsExactly(c1.id(), c2.id());

        assertThat(write((StorageTx tx) -> tx.touchpoints().linkLeadToContact(lead, contact, account))).isEqualTo(2);
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByContact(contact))).extracting(Touchpoint::id)
                .containsExactly(c1.id(), c2.id());
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByAccount(account))).hasSize(2);
    }

    @Test
    void mergingLeadsMovesTheirTouchpoints() {
        LeadId from = leadId();
        LeadId to = leadId();
        Touchpoint call = Samples.call(TouchpointId.of(UUID.randomUUID()), from, at(1));
        Touchpoint click = Samples.click(TouchpointId.of(UUID.randomUUID()), "e-m", "v-m", at(2));
        write(tx -> tx.touchpoints().insertAll(List.of(call, click)));
        write((StorageTx tx) -> tx.touchpoints().linkVisitorToLead("v-m", from));

        assertThat(write((StorageTx tx) -> tx.touchpoints().reassignLead(from, to))).isEqualTo(2);
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByLead(from))).isEmpty();
        assertThat(read((StorageTx tx) -> tx.touchpoints().findByLead(to))).extracting(Touchpoint::id)
                .containsExactly(call.id(), click.id());
    }

    @Test
    void purchasesAndFeedbackAreListedInTimeOrder() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        Purchase p = Samples.purchase(PurchaseId.of(UUID.randomUUID()), account, contact);
        Purchase earlier = new Purchase(PurchaseId.of(UUID.randomUUID()), 0, account, null, "ENG-2", "Mill", at(1),
                1, p.unitPrice(), null, null, null, at(1));
        Feedback f = Samples.feedback(FeedbackId.of(UUID.randomUUID()), account, contact, p.id());
        write(tx -> {
            tx.purchases().save(p);
            tx.purchases().save(earlier);
            tx.feedback().save(f);
            return null;
        });
        read(tx -> {
            assertThat(tx.purchases().findByAccount(account)).extracting(Purchase::id)
                    .containsExactly(earlier.id(), p.id());
            assertThat(tx.purchases().findByContact(contact)).extracting(Purchase::id).containsExactly(p.id());
            assertThat(tx.feedback().findByAccount(account)).extracting(Feedback::id).containsExactly(f.id());
            assertThat(tx.feedback().findByContact(contact)).hasSize(1);
            return null;
        });
    }

    /** Collects what a bulk read visits, in visiting order. */
    private static <T> List<T> visited(Consumer<Consumer<T>> read) {
        List<T> out = new ArrayList<>();
        read.accept(out::add);
        return out;
    }

    @Test
    void bulkReadsVisitEveryRowOfTheTenantInTheHalfOpenRangeOnce() {
        Touchpoint t1 = Samples.click(TouchpointId.of(UUID.randomUUID()), "b1", "v-b", at(1));
        Touchpoint t2 = Samples.call(TouchpointId.of(UUID.randomUUID()), leadId(), at(2));
        Touchpoint t3 = Samples.click(TouchpointId.of(UUID.randomUUID()), "b3", "v-b", at(3));
        AccountId account = AccountId.of(UUID.randomUUID());
        Purchase late = Samples.purchase(PurchaseId.of(UUID.randomUUID()), account, null);
        Purchase early = new Purchase(PurchaseId.of(UUID.randomUUID()), 0, account, null, "ENG-2", "Mill", at(1),
                1, late.unitPrice(), null, null, null, at(1));
        Lead lead = Samples.lead(leadId(), "bulk@example.com");
        Contact contact = Samples.contact(ContactId.of(UUID.randomUUID()), null, "bulk@example.com");
        write(tx -> {
            tx.touchpoints().insertAll(List.of(t3, t1, t2));
            tx.purchases().save(late);
            tx.purchases().save(early);
            tx.leads().save(lead);
            tx.contacts().save(contact);
            return null;
        });
        // another tenant's rows in the same range are never visited
        storage().write(freshTenant(), tx -> {
            tx.touchpoints().insertAll(List.of(Samples.click(TouchpointId.of(UUID.randomUUID()), "b1", "v-b", at(2))));
            tx.leads().save(Samples.lead(leadId(), "other@example.com"));
            return null;
        });

        read(tx -> {
            assertThat(visited((Consumer<Touchpoint> v) ->
                    tx.touchpoints().forEachOccurred(null, null, v)))
                    .extracting(Touchpoint::id).containsExactlyInAnyOrder(t1.id(), t2.id(), t3.id());
            assertThat(visited((Consumer<Touchpoint> v) ->
                    tx.touchpoints().forEachOccurred(at(2), at(3), v))).containsExactly(t2);
            assertThat(visited((Consumer<Touchpoint> v) ->
                    tx.touchpoints().forEachOccurred(null, at(2), v))).containsExactly(t1);
            assertThat(visited((Consumer<Touchpoint> v) ->
                    tx.touchpoints().forEachOccurred(at(2), null, v)))
                    .extracting(Touchpoint::id).containsExactlyInAnyOrder(t2.id(), t3.id());

            assertThat(visited((Consumer<Purchase> v) ->
                    tx.purchases().forEachPurchased(at(1), at(10), v))).extracting(Purchase::id)
                    .containsExactly(early.id());
            assertThat(visited((Consumer<Purchase> v) ->
                    tx.purchases().forEachPurchased(null, null, v))).hasSize(2);

            // Samples create leads and contacts at T0 = at(0)
            assertThat(visited((Consumer<Lead> v) -> tx.leads().forEachCreated(at(0), at(1), v)))
                    .containsExactly(lead.withVersion(1));
            assertThat(visited((Consumer<Lead> v) -> tx.leads().forEachCreated(at(1), null, v)))
                    .isEmpty();
            assertThat(visited((Consumer<Contact> v) ->
                    tx.contacts().forEachCreated(null, null, v))).containsExactly(contact.withVersion(1));
            assertThat(visited((Consumer<Contact> v) ->
                    tx.contacts().forEachCreated(null, at(0), v))).isEmpty();
            return null;
        });
    }
}
