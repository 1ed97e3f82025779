package dev.crmkit.core.contract;

import static dev.crmkit.core.testkit.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.MatchCandidates;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.ArticleTerms;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.Closure;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import dev.crmkit.core.service.Regarding;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.Targets;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void aBlockingKeyTooManyLeadsShareIsSkippedWhileRarerKeysStillFindTheirLeads() {
        LocalDate common = LocalDate.of(1970, 1, 1);
        LocalDate rare = LocalDate.of(1970, 1, 2);
        write(tx -> {
            for (int i = 0; i <= BlockingKeys.MAX_BLOCK + 1; i++) {
                tx.leads().save(person(null, "Person" + i, null, i == 0 ? rare : common));
            }
            return null;
        });

        List<Lead> byCommonKey = read(tx -> tx.leads().findByBlockingKeys(List.of("b:" + common)));
        List<Lead> byBoth = read(tx -> tx.leads().findByBlockingKeys(List.of("b:" + common, "b:" + rare)));

        assertThat(byCommonKey).isEmpty();
        assertThat(byBoth).extracting(l -> l.identity().birthDate()).containsExactly(rare);
    }

    @Test
    void aCommonBlockingKeyNominatesOnlyTheLeadsAnotherKeyNominatesToo() {
        // Everyone shares a birth date and a first initial in one postcode (two common blocks); only Qwerty and
        // Wombat share both, and Unique is alone in its birth date's block.
        LocalDate common = LocalDate.of(1971, 3, 4);
        LocalDate rare = LocalDate.of(1971, 3, 5);
        Address postcode = new Address("1 Main Street", "Springfield", null, "4000", "AU", null);
        Address elsewhere = new Address("1 Main Street", "Springfield", null, "4999", "AU", null);
        write(tx -> {
            for (int i = 0; i <= BlockingKeys.COMMON_BLOCK; i++) {
                tx.leads().save(person("Dob" + i, "Xylo" + i, elsewhere, common));
                tx.leads().save(person("Pc" + i, "Zeta" + i, postcode, null));
            }
            tx.leads().save(person("Pat", "Qwerty", postcode, common));
            tx.leads().save(person("Peg", "Wombat", postcode, common));
            tx.leads().save(person("rare", "Unique", elsewhere, rare));
            return null;
        });

        List<Lead> found = read(tx -> tx.leads().findByBlockingKeys(List.of("b:" + common, "i:p|4000",
                "b:" + rare)));

        assertThat(found).extracting(l -> l.identity().lastName()).containsExactlyInAnyOrder("Qwerty", "Wombat",
                "Unique");
    }

    @Test
    void matchCandidatesAreTheLeadsAndContactsTheirOwnLookupsFindIncludingThisTransactionsRows() {
        AccountId accountId = AccountId.of(UUID.randomUUID());
        Contact charles = Samples.contact(ContactId.of(UUID.randomUUID()), accountId, "charles@example.com");
        LocalDate born = charles.demographics().birthDate();
        Lead sameName = person("Charles", "Babbage", null, born);
        write(tx -> {
            tx.accounts().save(Samples.account(accountId, "Analytical Engines"));
            tx.contacts().save(charles);
            // A common birth date: sharing only it nominates nobody.
            for (int i = 0; i <= BlockingKeys.COMMON_BLOCK; i++) {
                tx.leads().save(person("Ada" + i, "Lovelace" + i, null, born));
            }
            return null;
        });
        Set<String> keys = BlockingKeys.of(sameName);

        MatchCandidates found = write(tx -> {
            tx.leads().save(sameName);
            return tx.matchCandidates(keys);
        });
        List<Lead> leads = read(tx -> tx.leads().findByBlockingKeys(keys));
        List<Contact> contacts = read(tx -> tx.contacts().findByMatchKeys(keys));

        assertThat(found.leads()).extracting(Lead::id).containsExactly(sameName.id())
                .containsExactlyInAnyOrderElementsOf(leads.stream().map(Lead::id).toList());
        assertThat(found.contacts()).extracting(Contact::id).containsExactly(charles.id())
                .containsExactlyInAnyOrderElementsOf(contacts.stream().map(Contact::id).toList());
    }

    private static Lead person(String first, String last, Address address, LocalDate born) {
        return new Lead(leadId(), 0, new Identity(first, last, null, null, born), new Reach(null, null, null, address),
                Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW, null, 0, false, null, null, null, null, null,
                START, START, null);
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

        // A second writer still holding version 1 lost the race. An adapter whose guarded update matched no row may
        // not know the stored version; if it names one, it is the right one.
        assertThatThrownBy(() -> write(tx -> tx.leads().save(v1)))
                .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
                    assertThat(e.kind()).isEqualTo("Lead");
                    assertThat(e.recordId()).isEqualTo(lead.id().toString());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion().orElse(2)).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("ada@example.com");
                });
        assertThat(read((StorageTx tx) -> tx.leads().get(lead.id()).version())).isEqualTo(2);
    }

    @Test
    void manyAggregatesAreReadAndSavedTogetherWithTheSameChecksAsOneAtATime() {
        Lead ada = write(tx -> tx.leads().save(Samples.lead(leadId(), "ada@example.com")));
        Lead grace = Samples.lead(leadId(), "grace@example.com");
        LeadId unknown = leadId();

        List<Lead> saved = write(tx -> tx.leads().saveAll(List.of(ada, grace)));
        assertThat(saved).extracting(Lead::version).containsExactly(2L, 1L);
        Map<LeadId, Lead> found = read(tx -> tx.leads().findAll(List.of(grace.id(), unknown, ada.id())));
        assertThat(found).containsOnlyKeys(grace.id(), ada.id());
        assertThat(found.get(ada.id())).isEqualTo(saved.get(0));
        assertThat(found.get(grace.id()).reach().email()).isEqualTo(EmailAddress.of("grace@example.com"));
        Map<LeadId, Lead> none = read(tx -> tx.leads().findAll(List.of()));
        assertThat(none).isEmpty();

        Lead newcomer = Samples.lead(leadId(), "lin@example.com");
        assertThatThrownBy(() -> write(tx -> tx.leads().saveAll(List.of(newcomer, ada))))
                .as("ada's version 1 is stale").isInstanceOf(ConcurrentUpdateException.class);
        Map<LeadId, Lead> after = read(tx -> tx.leads().findAll(List.of(newcomer.id(), ada.id())));
        assertThat(after).as("nothing of it stored").containsOnlyKeys(ada.id());
        assertThat(after.get(ada.id()).version()).isEqualTo(2L);
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
            assertThat(tx.leads().findByEmail(lead.reach().email())).isEmpty();
            assertThat(tx.leads().search(LeadQuery.all(), PageRequest.first(10)).total()).isZero();
            return null;
        });
        // Writing the same id in another tenant is not a conflict with this one.
        storage().write(other, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com")));
        assertThat(read((StorageTx tx) -> tx.leads().findByEmail(lead.reach().email()))).hasSize(1);
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
            assertThat(tx.leads().findByPhone(lead.reach().phone())).containsExactly(lead);
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
            Lead lead = new Lead(base.id(), 0, base.identity(), new Reach(base.reach().email(), base.reach().phone(),
                    base.reach().unverifiedPhone(), n % 2 == 0 ? base.reach().address() : null), base.origin(),
                    base.consent(), n < 5 ? LeadStatus.NEW : LeadStatus.QUALIFIED, null,
                    n == 6 ? 0 : n * 10,   // lead 6 is spam, which scores nothing
                    n == 6, UserId.of(n % 3 == 0 ? "rep-a" : "rep-b"), base.duplicates(), base.visitorIds(),
                    base.tags(), base.customFields(), at(n), at(n), List.of());
            write(tx -> tx.leads().save(lead));
        }
        read(tx -> {
            var firstPage = tx.leads().search(LeadQuery.all(), new PageRequest(0, 4));
            var secondPage = tx.leads().search(LeadQuery.all(), new PageRequest(1, 4));
            assertThat(firstPage.total()).isEqualTo(6); // the spam lead is left out
            assertThat(firstPage.items()).extracting(l -> l.reach().email().value())
                    .containsExactly("p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com");
            assertThat(secondPage.items()).extracting(l -> l.reach().email().value())
                    .containsExactly("p4@example.com", "p5@example.com");
            assertThat(secondPage.hasNext()).isFalse();

            var owned = tx.leads().search(LeadQuery.all().withOwner(UserId.of("rep-a")), PageRequest.first(10));
            assertThat(owned.items()).extracting(l -> l.reach().email().value())
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
        Contact prospect = new Contact(base.id(), 0, null, new ContactName("Grace", "Hopper", null),
                new ContactPoints(base.points().email(), null, null), null, null, false, LifecycleStage.PROSPECT,
                UserId.of("rep-2"), null, null, null, at(30), at(30));
        Contact c2 = write(tx -> tx.contacts().save(prospect));

        read(tx -> {
            assertThat(tx.contacts().findByEmail(EmailAddress.of("C1@example.com"))).containsExactly(c1);
            assertThat(tx.contacts().findByPhone(c1.points().phone())).containsExactly(c1);
            assertThat(tx.contacts().findByNameKey(MatchKeys.person("Grace", "Hopper"))).containsExactly(c2);
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
    protected void sequencesCountPerNameAndTenantAndRollBackWithTheTransaction() {
        assertThat(write((StorageTx tx) -> tx.sequences().next("case"))).isEqualTo(1);
        assertThat(write((StorageTx tx) -> tx.sequences().next("case"))).isEqualTo(2);
        assertThat(write((StorageTx tx) -> tx.sequences().next("round-robin"))).isEqualTo(1);
        assertThatThrownBy(() -> write((StorageTx tx) -> {
            tx.sequences().next("case");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read((StorageTx tx) -> tx.sequences().current("case"))).isEqualTo(2);
        assertThat(read((StorageTx tx) -> tx.sequences().current("never-used"))).isZero();
        assertThat(storage().write(freshTenant(),
                (StorageTx tx) -> tx.sequences().next("case")).longValue()).isEqualTo(1);
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

    // --- sales ---

    @Test
    protected void salesAggregatesRoundTripWithAllFields() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        ProductId productId = ProductId.of(UUID.randomUUID());
        Opportunity opp = Samples.opportunity(OpportunityId.of(UUID.randomUUID()), account, contact,
                UserId.of("rep-7"));
        Product product = Samples.product(productId, "ENG-1");
        PriceBook book = Samples.priceBook(PriceBookId.of(UUID.randomUUID()), productId, "EUR");
        Quote quote = Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-1", opp.id(), account, contact, productId);
        Order order = Samples.order(OrderId.of(UUID.randomUUID()), "O-1", quote.id(), opp.id(), account, contact,
                productId);
        AccountTeam team = Samples.accountTeam(account);
        write(tx -> {
            tx.opportunities().save(opp);
            tx.products().save(product);
            tx.priceBooks().save(book);
            tx.quotes().save(quote);
            tx.orders().save(order);
            tx.accountTeams().save(team);
            return null;
        });
        read(tx -> {
            assertThat(tx.opportunities().get(opp.id())).isEqualTo(opp.withVersion(1));
            assertThat(tx.products().get(productId)).isEqualTo(product.withVersion(1));
            assertThat(tx.priceBooks().get(book.id())).isEqualTo(book.withVersion(1));
            assertThat(tx.quotes().get(quote.id())).isEqualTo(quote.withVersion(1));
            assertThat(tx.orders().get(order.id())).isEqualTo(order.withVersion(1));
            assertThat(tx.accountTeams().get(account)).isEqualTo(team.withVersion(1));
            return null;
        });
    }

    @Test
    protected void salesLookupsAreKeyedAndOrdered() {
        AccountId account = AccountId.of(UUID.randomUUID());
        UserId rep = UserId.of("rep-7");
        Opportunity base = Samples.opportunity(OpportunityId.of(UUID.randomUUID()), account, null, rep);
        Opportunity april = new Opportunity(OpportunityId.of(UUID.randomUUID()), 0, account, null, "B",
                base.amount(), LocalDate.of(2026, 4, 1), UserId.of("rep-8"), base.stage(), base.probability(),
                base.category(), base.status(), null, null, List.of(), base.createdAt(), base.updatedAt());
        Opportunity otherAccount = Samples.opportunity(OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), null, rep);
        ProductId productId = ProductId.of(UUID.randomUUID());
        Quote quote = Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-7", base.id(), account, null, productId);
        Order order = Samples.order(OrderId.of(UUID.randomUUID()), "O-7", quote.id(), base.id(), account, null,
                productId);
        write(tx -> {
            tx.opportunities().save(april);
            tx.opportunities().save(base);
            tx.opportunities().save(otherAccount);
            tx.products().save(Samples.product(productId, "ENG-1"));
            tx.priceBooks().save(Samples.priceBook(PriceBookId.of(UUID.randomUUID()), productId, "EUR"));
            tx.quotes().save(quote);
            tx.orders().save(order);
            tx.accountTeams().save(Samples.accountTeam(account));
            return null;
        });
        read(tx -> {
            assertThat(tx.opportunities().findByAccount(account)).extracting(Opportunity::id)
                    .containsExactly(base.id(), april.id());
            assertThat(tx.opportunities().findByOwner(rep)).extracting(Opportunity::id)
                    .containsExactlyInAnyOrder(base.id(), otherAccount.id());
            assertThat(tx.opportunities().findClosingBetween(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)))
                    .extracting(Opportunity::id).containsExactlyInAnyOrder(base.id(), otherAccount.id());
            assertThat(tx.opportunities().findClosingBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)))
                    .hasSize(3);
            assertThat(tx.opportunities().findClosingBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2027, 1, 1)))
                    .isEmpty();
            assertThat(tx.products().findByCode("ENG-1")).isPresent();
            assertThat(tx.products().findByCode("ENG-2")).isEmpty();
            assertThat(tx.priceBooks().findByCurrency(Currency.getInstance("EUR"))).isPresent();
            assertThat(tx.priceBooks().findByCurrency(Currency.getInstance("USD"))).isEmpty();
            assertThat(tx.quotes().findByOpportunity(base.id())).containsExactly(quote.withVersion(1));
            assertThat(tx.quotes().findByNumber("Q-7")).isPresent();
            assertThat(tx.orders().findByAccount(account)).containsExactly(order.withVersion(1));
            assertThat(tx.orders().findByNumber("O-7")).isPresent();
            assertThat(tx.accountTeams().findByMember(UserId.of("rep-8"))).extracting(AccountTeam::id)
                    .containsExactly(account);
            assertThat(tx.accountTeams().findByMember(UserId.of("rep-9"))).isEmpty();
            return null;
        });
    }

    @Test
    protected void productCodesPriceBookCurrenciesAndNumbersAreUnique() {
        ProductId productId = ProductId.of(UUID.randomUUID());
        write(tx -> {
            tx.products().save(Samples.product(productId, "ENG-1"));
            tx.priceBooks().save(Samples.priceBook(PriceBookId.of(UUID.randomUUID()), productId, "EUR"));
            return null;
        });
        assertThatThrownBy(() -> write(tx -> tx.products().save(Samples.product(ProductId.of(UUID.randomUUID()),
                "ENG-1")))).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> write(tx -> tx.priceBooks().save(Samples.priceBook(
                PriceBookId.of(UUID.randomUUID()), productId, "EUR")))).isInstanceOf(DuplicateException.class);
        // Another tenant may use the same code and currency.
        storage().write(freshTenant(), tx -> tx.products().save(Samples.product(ProductId.of(UUID.randomUUID()),
                "ENG-1")));
    }

    @Test
    protected void salesDataIsTenantScoped() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ProductId productId = ProductId.of(UUID.randomUUID());
        Opportunity opp = Samples.opportunity(OpportunityId.of(UUID.randomUUID()), account, null, UserId.of("rep-7"));
        Quote quote = Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-1", opp.id(), account, null, productId);
        write(tx -> {
            tx.opportunities().save(opp);
            tx.products().save(Samples.product(productId, "ENG-1"));
            tx.priceBooks().save(Samples.priceBook(PriceBookId.of(UUID.randomUUID()), productId, "EUR"));
            tx.quotes().save(quote);
            tx.orders().save(Samples.order(OrderId.of(UUID.randomUUID()), "O-1", quote.id(), opp.id(), account,
                    null, productId));
            tx.accountTeams().save(Samples.accountTeam(account));
            return null;
        });
        storage().read(freshTenant(), tx -> {
            assertThat(tx.opportunities().find(opp.id())).isEmpty();
            assertThat(tx.opportunities().findByOwner(UserId.of("rep-7"))).isEmpty();
            assertThat(tx.opportunities().findClosingBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                    .isEmpty();
            assertThat(tx.products().findByCode("ENG-1")).isEmpty();
            assertThat(tx.priceBooks().findByCurrency(Currency.getInstance("EUR"))).isEmpty();
            assertThat(tx.quotes().findByNumber("Q-1")).isEmpty();
            assertThat(tx.orders().findByAccount(account)).isEmpty();
            assertThat(tx.accountTeams().findByMember(UserId.of("rep-7"))).isEmpty();
            return null;
        });
    }

    @Test
    protected void staleSalesWritesAreRejected() {
        AccountId account = AccountId.of(UUID.randomUUID());
        Opportunity v1 = write(tx -> tx.opportunities().save(Samples.opportunity(
                OpportunityId.of(UUID.randomUUID()), account, null, UserId.of("rep-7"))));
        write(tx -> tx.opportunities().save(v1));
        assertThatThrownBy(() -> write(tx -> tx.opportunities().save(v1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        AccountTeam t1 = write(tx -> tx.accountTeams().save(Samples.accountTeam(account)));
        write(tx -> tx.accountTeams().save(t1));
        assertThatThrownBy(() -> write(tx -> tx.accountTeams().save(t1)))
                .isInstanceOf(ConcurrentUpdateException.class);
    }
    // --- end sales ---

    // ---- tasks and calendar
    @Test
    protected void tasksTeamsAndCalendarEventsRoundTripWithAllFields() {
        Task task = Samples.task(TaskId.of(UUID.randomUUID()), Subject.of(leadId()));
        Team team = Samples.team(TeamId.of(UUID.randomUUID()));
        CalendarEvent event = Samples.calendarEvent(CalendarEventId.of(UUID.randomUUID()),
                ContactId.of(UUID.randomUUID()), Subject.of(AccountId.of(UUID.randomUUID())));
        write(tx -> {
            tx.tasks().save(task);
            tx.teams().save(team);
            tx.calendarEvents().save(event);
            return null;
        });
        read(tx -> {
            assertThat(tx.tasks().get(task.id())).isEqualTo(task.withVersion(1));
            assertThat(tx.teams().get(team.id())).isEqualTo(team.withVersion(1));
            assertThat(tx.calendarEvents().get(event.id())).isEqualTo(event.withVersion(1));
            return null;
        });
    }

    @Test
    protected void taskLookupsFollowStatusAssigneeAndReminderChanges() {
        Subject subject = Subject.of(leadId());
        Task done = Samples.task(TaskId.of(UUID.randomUUID()), subject);
        Task open = new Task(TaskId.of(UUID.randomUUID()), 0, "Open", null, subject, done.priority(),
                TaskStatus.OPEN, at(30), at(20), null, null, UserId.of("rep-7"), UserId.of("rep-7"), null, at(1), at(1),
                null);
        Task undated = new Task(TaskId.of(UUID.randomUUID()), 0, "Undated", null, null, done.priority(),
                TaskStatus.OPEN, null, at(10), null, null, UserId.of("rep-7"), UserId.of("rep-7"), null, at(2), at(2),
                null);
        write(tx -> {
            tx.tasks().save(done);
            tx.tasks().save(open);
            tx.tasks().save(undated);
            return null;
        });
        read(tx -> {
            assertThat(tx.tasks().findOpenByAssignee(UserId.of("rep-7"))).extracting(Task::id)
                    .containsExactly(open.id(), undated.id());
            assertThat(tx.tasks().findBySubject(subject)).extracting(Task::id).containsExactly(done.id(), open.id());
            assertThat(tx.tasks().findPendingReminders(at(15))).extracting(Task::id).containsExactly(undated.id());
            assertThat(tx.tasks().findPendingReminders(at(20))).extracting(Task::id)
                    .containsExactly(undated.id(), open.id());
            return null;
        });
        Instant now = at(40);
        write(tx -> {
            Task stored = tx.tasks().get(open.id());
            tx.tasks().save(stored.reminderFired(now).withAssignee(UserId.of("rep-8"), now));
            tx.tasks().save(tx.tasks().get(undated.id()).moveTo(TaskStatus.CANCELLED, now));
            return null;
        });
        read(tx -> {
            assertThat(tx.tasks().findOpenByAssignee(UserId.of("rep-7"))).isEmpty();
            assertThat(tx.tasks().findOpenByAssignee(UserId.of("rep-8"))).extracting(Task::id)
                    .containsExactly(open.id());
            assertThat(tx.tasks().findPendingReminders(at(100))).isEmpty();
            return null;
        });
    }

    @Test
    protected void teamsAndCalendarEventsAreFoundByTheirPeople() {
        Team team = write(tx -> tx.teams().save(Samples.team(TeamId.of(UUID.randomUUID()))));
        ContactId contact = ContactId.of(UUID.randomUUID());
        Subject subject = Subject.of(AccountId.of(UUID.randomUUID()));
        CalendarEvent event = write(tx -> tx.calendarEvents().save(
                Samples.calendarEvent(CalendarEventId.of(UUID.randomUUID()), contact, subject)));
        read(tx -> {
            assertThat(tx.teams().findByManager(UserId.of("manager-1"))).containsExactly(team);
            assertThat(tx.teams().findByMember(UserId.of("rep-8"))).containsExactly(team);
            assertThat(tx.teams().findByMember(UserId.of("manager-1"))).isEmpty();
            // The event runs [at(120), at(180)): organizer and attendees see it when the window overlaps.
            assertThat(tx.calendarEvents().findByUserBetween(UserId.of("rep-7"), at(0),
                    at(121))).containsExactly(event);
            assertThat(tx.calendarEvents().findByUserBetween(UserId.of("rep-8"), at(179), at(500)))
                    .containsExactly(event);
            assertThat(tx.calendarEvents().findByUserBetween(UserId.of("rep-8"), at(180), at(500))).isEmpty();
            assertThat(tx.calendarEvents().findByUserBetween(UserId.of("rep-8"), at(0), at(120))).isEmpty();
            assertThat(tx.calendarEvents().findByUserBetween(UserId.of("rep-9"), at(0), at(500))).isEmpty();
            assertThat(tx.calendarEvents().findByContact(contact)).containsExactly(event);
            assertThat(tx.calendarEvents().findBySubject(subject)).containsExactly(event);
            return null;
        });
    }

    // ---- segmentation
    @Test
    protected void segmentsRoundTripAndAreFoundByUniqueNameIgnoringCase() {
        Segment segment = Samples.segment(SegmentId.of(UUID.randomUUID()), "German buyers");
        write(tx -> tx.segments().save(segment));
        assertThatThrownBy(() -> write(tx -> tx.segments().save(Samples.segment(SegmentId.of(UUID.randomUUID()),
                "GERMAN BUYERS")))).isInstanceOf(DuplicateException.class);
        Segment other = write(tx -> tx.segments().save(Samples.segment(SegmentId.of(UUID.randomUUID()), "austrians")));
        read(tx -> {
            assertThat(tx.segments().get(segment.id())).isEqualTo(segment.withVersion(1));
            assertThat(tx.segments().findByName(" german Buyers ")).contains(segment.withVersion(1));
            assertThat(tx.segments().findByName("nobody")).isEmpty();
            assertThat(tx.segments().list()).extracting(Segment::id).containsExactly(other.id(), segment.id());
            return null;
        });
        storage().write(freshTenant(), tx -> tx.segments().save(Samples.segment(SegmentId.of(UUID.randomUUID()),
                "German buyers")));
    }

    // service: cases, service contracts, knowledge base, product information

    @Test
    protected void serviceAggregatesRoundTripWithAllFieldsAndAreFoundByTheirIndexes() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        ServiceContract contract = Samples.serviceContract(ServiceContractId.of(UUID.randomUUID()), account);
        Article article = Samples.article(ArticleId.of(UUID.randomUUID()), "Card reader jams", ArticleStatus.PUBLISHED);
        Case closed = Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-2026-000001", account, contact,
                contract.id(), article.id());
        ProductInfo info = Samples.productInfo(ProductInfoId.of(UUID.randomUUID()), "ENG-1");
        write(tx -> {
            tx.serviceContracts().save(contract);
            tx.articles().save(article);
            tx.cases().save(closed);
            tx.productInfo().save(info);
            return null;
        });

        read(tx -> {
            assertThat(tx.serviceContracts().get(contract.id())).isEqualTo(contract.withVersion(1));
            assertThat(tx.articles().get(article.id())).isEqualTo(article.withVersion(1));
            assertThat(tx.cases().get(closed.id())).isEqualTo(closed.withVersion(1));
            assertThat(tx.productInfo().get(info.id())).isEqualTo(info.withVersion(1));
            assertThat(tx.productInfo().get(info.id()).specifications().keySet()).containsExactly("weight", "power");
            assertThat(tx.serviceContracts().findByAccount(account)).containsExactly(contract.withVersion(1));
            assertThat(tx.cases().findByTrackingNumber("CS-2026-000001")).contains(closed.withVersion(1));
            assertThat(tx.cases().findByContact(contact)).extracting(Case::id).containsExactly(closed.id());
            assertThat(tx.cases().findByAccount(account)).extracting(Case::id).containsExactly(closed.id());
            assertThat(tx.cases().findByArticle(article.id())).extracting(Case::id).containsExactly(closed.id());
            assertThat(tx.articles().findByProductCode("ENG-1")).extracting(Article::id).containsExactly(article.id());
            assertThat(tx.productInfo().findByProductCode("ENG-1")).contains(info.withVersion(1));
            assertThat(tx.productInfo().findByProduct(info.product())).containsExactly(info.withVersion(1));
            return null;
        });
    }

    @Test
    protected void trackingNumbersAndProductCodesAreUniquePerTenant() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ArticleId article = ArticleId.of(UUID.randomUUID());
        write(tx -> tx.cases().save(Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-2026-000007", account,
                null, null, article)));
        assertThatThrownBy(() -> write(tx -> tx.cases().save(Samples.serviceCase(CaseId.of(UUID.randomUUID()),
                "CS-2026-000007", account, null, null, article)))).isInstanceOf(DuplicateException.class);
        write(tx -> tx.productInfo().save(Samples.productInfo(ProductInfoId.of(UUID.randomUUID()), "ENG-9")));
        assertThatThrownBy(() -> write(tx -> tx.productInfo().save(
                Samples.productInfo(ProductInfoId.of(UUID.randomUUID()), "ENG-9"))))
                .isInstanceOf(DuplicateException.class);
        // Another tenant may use the same number.
        storage().write(freshTenant(), tx -> tx.cases().save(Samples.serviceCase(CaseId.of(UUID.randomUUID()),
                "CS-2026-000007", account, null, null, article)));
    }

    @Test
    protected void openCasesAreFoundWhenATargetIsDueAndNotOnceClosed() {
        AccountId account = AccountId.of(UUID.randomUUID());
        ArticleId article = ArticleId.of(UUID.randomUUID());
        Case sample = Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-2026-000011", account, null, null,
                article);
        // Open, first response given at(30), resolution due at(480).
        Case open = new Case(sample.id(), 0, sample.trackingNumber(), new Regarding(account, null, null, null, null),
                sample.triage(), "s", null, null, CaseStatus.IN_PROGRESS, new Targets(null, at(60), at(480), at(30)),
                null, null, null, null, null, null, at(0), at(0));
        Case stored = write(tx -> tx.cases().save(open));
        assertThat(read((StorageTx tx) -> tx.cases().findOpenDueBefore(at(479)))).isEmpty();
        assertThat(read((StorageTx tx) -> tx.cases().findOpenDueBefore(at(481)))).extracting(Case::id)
                .containsExactly(open.id());
        Case resolved = new Case(stored.id(), stored.version(), stored.trackingNumber(), stored.regarding(),
                stored.triage(), "s", null, null, CaseStatus.RESOLVED, stored.targets(), new Closure(null, at(490),
                        null),
                null, null, null, null, null, at(0), at(490));
        assertThatThrownBy(() -> write(tx -> {
            tx.cases().save(resolved);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(read((StorageTx tx) -> tx.cases().findOpenDueBefore(at(1000)))).hasSize(1);
        write(tx -> tx.cases().save(resolved));
        assertThat(read((StorageTx tx) -> tx.cases().findOpenDueBefore(at(1000)))).isEmpty();
    }

    @Test
    protected void articleSearchFindsPublishedArticlesBestFirstAndFollowsEveryChange() {
        Article titleHit = Samples.article(ArticleId.of(UUID.randomUUID()), "Printer offline", ArticleStatus.PUBLISHED);
        Article bodyHit = new Article(ArticleId.of(UUID.randomUUID()), 0, "Network setup",
                "If the printer is offline, check the cable.", null, null, ArticleStatus.PUBLISHED, 1, null, null,
                at(1), at(1), at(1));
        Article draft = Samples.article(ArticleId.of(UUID.randomUUID()), "Printer offline draft", ArticleStatus.DRAFT);
        write(tx -> {
            tx.articles().save(titleHit);
            tx.articles().save(bodyHit);
            tx.articles().save(draft);
            return null;
        });
        List<String> query = ArticleTerms.terms("printer offline");
        assertThat(read((StorageTx tx) -> tx.articles().search(query, 10))).extracting(m -> m.article().id())
                .containsExactly(titleHit.id(), bodyHit.id());
        assertThat(read((StorageTx tx) -> tx.articles().search(query, 1))).hasSize(1);
        assertThat(read((StorageTx tx) -> tx.articles().search(ArticleTerms.terms("cable"), 10)))
                .extracting(ArticleMatch::score).allMatch(score -> score > 0);

        // Archiving removes it from the index; a rolled-back publish leaves no trace.
        Article stored = read((StorageTx tx) -> tx.articles().get(titleHit.id()));
        write(tx -> tx.articles().save(new Article(stored.id(), stored.version(), stored.title(), stored.body(),
                stored.tags(), stored.productCodes(), ArticleStatus.ARCHIVED, stored.revision(), stored.revisions(),
                stored.author(), stored.createdAt(), at(9), stored.publishedAt())));
        Article storedDraft = read((StorageTx tx) -> tx.articles().get(draft.id()));
        assertThatThrownBy(() -> write(tx -> {
            tx.articles().save(new Article(storedDraft.id(), storedDraft.version(), storedDraft.title(),
                    storedDraft.body(), null, null, ArticleStatus.PUBLISHED, 1, null, null, storedDraft.createdAt(),
                    at(9), at(9)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(read((StorageTx tx) -> tx.articles().search(query, 10))).extracting(m -> m.article().id())
                .containsExactly(bodyHit.id());
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

    /** Samples create these at T0 = at(0): the half-open range [at(0), at(1)) holds them, [at(1), ..) does not. */
    private <T> void assertCreatedAtT0(Consumer<Consumer<T>> between0And1, Consumer<Consumer<T>> from1,
                                       Consumer<Consumer<T>> until0, T expected) {
        assertThat(visited(between0And1)).containsExactly(expected);
        assertThat(visited(from1)).isEmpty();
        assertThat(visited(until0)).isEmpty();
    }

    @Test
    protected void opportunitiesAreReadInBulkByCreationTime() {
        AccountId account = AccountId.of(UUID.randomUUID());
        Opportunity o = write(tx -> tx.opportunities().save(Samples.opportunity(OpportunityId.of(UUID.randomUUID()),
                account, null, UserId.of("rep-7"))));
        read(tx -> {
            assertCreatedAtT0((Consumer<Opportunity> v) -> tx.opportunities().forEachCreated(at(0), at(1), v),
                    (Consumer<Opportunity> v) -> tx.opportunities().forEachCreated(at(1), null, v),
                    (Consumer<Opportunity> v) -> tx.opportunities().forEachCreated(null, at(0), v), o);
            return null;
        });
    }

    @Test
    protected void casesAreReadInBulkByCreationTime() {
        AccountId account = AccountId.of(UUID.randomUUID());
        Case c = write(tx -> tx.cases().save(Samples.serviceCase(CaseId.of(UUID.randomUUID()), "CS-BULK-1", account,
                null, null, ArticleId.of(UUID.randomUUID()))));
        read(tx -> {
            assertCreatedAtT0((Consumer<Case> v) -> tx.cases().forEachCreated(at(0), at(1), v),
                    (Consumer<Case> v) -> tx.cases().forEachCreated(at(1), null, v),
                    (Consumer<Case> v) -> tx.cases().forEachCreated(null, at(0), v), c);
            return null;
        });
    }

    @Test
    protected void tasksAreReadInBulkByCreationTime() {
        Task t = write(tx -> tx.tasks().save(Samples.task(TaskId.of(UUID.randomUUID()), null)));
        read(tx -> {
            assertCreatedAtT0((Consumer<Task> v) -> tx.tasks().forEachCreated(at(0), at(1), v),
                    (Consumer<Task> v) -> tx.tasks().forEachCreated(at(1), null, v),
                    (Consumer<Task> v) -> tx.tasks().forEachCreated(null, at(0), v), t);
            return null;
        });
    }
}
