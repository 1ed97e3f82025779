package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.AgeBand;
import dev.crmkit.core.customer.CompanySize;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.customer.Person;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.testkit.TestLeads;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts, contacts and finding people (leads and contacts together) through the services. */
public abstract class ContactManagementContract extends ContractSupport {
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-7000-8000-000000000001");

    // ---- accounts ----

    @Test
    void anAccountIsCreatedAsAProspectOwnedByTheActingUser() {
        List<CustomerEvent> events = new ArrayList<>();
        crm.events().subscribe(CustomerEvent.class, events::add);
        AccountId id = crm.accounts().create(new AccountDetails("Acme, Inc.", "Manufacturing", CompanySize.LARGE,
                Address.of("Berlin", "Berlin", "de"), "https://acme.example", null, Set.of("key", " strategic ")));

        Account a = crm.accounts().get(id);
        assertThat(a.name()).isEqualTo("Acme, Inc.");
        assertThat(a.nameKey()).isEqualTo("acme");
        assertThat(a.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(a.owner()).isEqualTo(UserId.of("rep-1"));
        assertThat(a.tags()).containsExactlyInAnyOrder("key", "strategic");
        assertThat(a.address().country()).isEqualTo("DE");
        assertThat(crm.accounts().findByName("ACME GmbH")).extracting(Account::id).containsExactly(id);
        assertThat(events).singleElement().isInstanceOf(CustomerEvent.AccountSaved.class);
    }

    @Test
    void anAccountUpdateReplacesDetailsButKeepsStage() {
        AccountId id = crm.accounts().create(AccountDetails.named("Acme"));
        crm.customers().recordPurchase(NewPurchase.of(id, null, "P-1", 1, Money.of("10.00", "EUR")));
        clock.advance(Duration.ofDays(1));
        Account updated = crm.accounts().update(crm.accounts().get(id), new AccountDetails("Acme Europe", "Retail",
                CompanySize.SMALL, null, null, UserId.of("rep-9"), Set.of()));
        assertThat(updated.stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(updated.owner()).isEqualTo(UserId.of("rep-9"));
        assertThat(updated.nameKey()).isEqualTo("acme europe");
        assertThat(updated.createdAt()).isEqualTo(START);
        assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void anInvalidAccountNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> crm.accounts().create(new AccountDetails("  ", null, null, null, "ftp://x", null,
                null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(f -> f.field()).containsExactlyInAnyOrder("name", "website"));
        assertThat(crm.accounts().list(PageRequest.first(10)).total()).isZero();
    }

    // ---- contacts ----

    @Test
    void aContactGetsItsAgeBandFromTheBirthDateOnTheCrmClock() {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        // START is 2026-01-05: born 2001-01-06 is still 24 that day, born 2001-01-05 turns 25.
        ContactId young = crm.contacts().create(ContactDetails.of(account, "Ada", "Lovelace", "ada@example.com")
                .withBirthDate(LocalDate.of(2001, 1, 6)));
        ContactId older = crm.contacts().create(ContactDetails.of(account, "Grace", "Hopper", null)
                .withBirthDate(LocalDate.of(2001, 1, 5)));
        ContactId banded = crm.contacts().create(ContactDetails.of(account, "Alan", "Turing", null)
                .withAgeBand(AgeBand.AGE_35_44));
        assertThat(crm.contacts().get(young).demographics().ageBand()).isEqualTo(AgeBand.AGE_18_24);
        assertThat(crm.contacts().get(older).demographics().ageBand()).isEqualTo(AgeBand.AGE_25_34);
        assertThat(crm.contacts().get(banded).demographics().ageBand()).isEqualTo(AgeBand.AGE_35_44);
        assertThat(crm.contacts().get(banded).demographics().birthDate()).isNull();
    }

    @Test
    void aContactKeepsEveryDetailGiven() {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId id = crm.contacts().create(ContactDetails.of(account, " José ", "O'Brien", " Jose@Example.COM ")
                .withTitle("CFO").withPhone("030 1234567").withAddress(Address.of("Berlin", null, "DE"))
                .withGender(Gender.MALE).withRoles(Set.of("economic buyer")).withKeyDecisionMaker(true)
                .withOwner(UserId.of("rep-3")).withConsent(Consent.ALL).withTags(Set.of("board")));
        Contact c = crm.contacts().get(id);
        assertThat(c.account()).isEqualTo(account);
        assertThat(c.name().firstName()).isEqualTo("José");
        assertThat(c.points().email().value()).isEqualTo("jose@example.com");
        assertThat(c.points().phone().value()).isEqualTo("+49301234567");
        assertThat(c.nameKey()).isEqualTo("obrien|j");
        assertThat(c.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(c.owner()).isEqualTo(UserId.of("rep-3"));
        assertThat(c.roles()).containsExactly("economic buyer");
        assertThat(c.keyDecisionMaker()).isTrue();
        assertThat(c.consent()).isEqualTo(Consent.ALL);
        assertThat(c.demographics().gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void anInvalidContactNamesEveryFieldAndWritesNothing() {
        ContactDetails bad = ContactDetails.of(AccountId.of(UNKNOWN), "Ada", " ", "not-an-email")
                .withPhone("12").withBirthDate(LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> crm.contacts().create(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .containsExactlyInAnyOrder("lastName", "account", "email", "phone", "birthDate"));
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        assertThatThrownBy(() -> crm.contacts().create(ContactDetails.of(account, "Ada", "Lovelace", null)
                .withBirthDate(LocalDate.of(1990, 1, 1)).withAgeBand(AgeBand.AGE_65_PLUS)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("ageBand")).isTrue());
        assertThat(crm.contacts().ofAccount(account)).isEmpty();
        assertThat(crm.contacts().people(PeopleQuery.all(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void keyDecisionMakersAreMarkedUnmarkedAndListedPerAccount() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        ContactId ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", null));
        clock.advance(Duration.ofMinutes(1));
        ContactId grace = crm.contacts().create(ContactDetails.of(acme, "Grace", "Hopper", null));
        crm.contacts().create(ContactDetails.of(other, "Alan", "Turing", null).withKeyDecisionMaker(true));

        crm.contacts().markKeyDecisionMaker(ada, true);
        crm.contacts().markKeyDecisionMaker(grace, true);
        assertThat(crm.contacts().keyDecisionMakers(acme)).extracting(Contact::id).containsExactly(ada, grace);
        List<CustomerEvent> events = new ArrayList<>();
        crm.events().subscribe(CustomerEvent.class, events::add);
        crm.contacts().markKeyDecisionMaker(ada, false);
        crm.contacts().markKeyDecisionMaker(ada, false);
        assertThat(crm.contacts().keyDecisionMakers(acme)).extracting(Contact::id).containsExactly(grace);
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomerEvent.ContactSaved.class,
                e -> assertThat(e.contact().keyDecisionMaker()).isFalse());
        assertThat(crm.contacts().ofAccount(acme)).extracting(Contact::id).containsExactly(ada, grace);
    }

    @Test
    void aContactUpdateKeepsStageAndSourceButReplacesDetails() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
        crm.customers().recordPurchase(NewPurchase.of(null, ada, "P-1", 1, Money.of("10.00", "EUR")));
        Contact updated = crm.contacts().update(crm.contacts().get(ada),
                ContactDetails.of(acme, "Ada", "King", "ada@king.example"));
        assertThat(updated.stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(updated.name().lastName()).isEqualTo("King");
        assertThat(updated.nameKey()).isEqualTo("king|a");
        assertThat(updated.points().email().value()).isEqualTo("ada@king.example");
    }

    // ---- people ----

    /** Four live leads (plus a converted and a merged one) and three contacts, one of them a customer. */
    private void population() {
        UserId a = UserId.of("rep-a");
        UserId b = UserId.of("rep-b");
        Address london = Address.of("London", "England", "GB");
        Address paris = Address.of("Paris", "IDF", "FR");
        TestLeads.save(storage(), tenant, "L", "One", "l1@example.com", LeadStatus.NEW, a, london, at(1));
        TestLeads.save(storage(), tenant, "L", "Two", "l2@example.com", LeadStatus.QUALIFIED, b, paris, at(2));
        TestLeads.save(storage(), tenant, "L", "Three", "l3@example.com", LeadStatus.NEW, b, london, at(3));
        TestLeads.save(storage(), tenant, "L", "Four", null, LeadStatus.WORKING, a, null, at(4));
        TestLeads.save(storage(), tenant, "L", "Gone", null, LeadStatus.CONVERTED, a, london, at(5));
        TestLeads.save(storage(), tenant, "L", "Merged", null, LeadStatus.MERGED, a, london, at(6));

        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId c1 = crm.contacts().create(ContactDetails.of(acme, "C", "One", "c1@example.com")
                .withAddress(london).withOwner(a));
        clock.advance(Duration.ofMinutes(1));
        crm.contacts().create(ContactDetails.of(acme, "C", "Two", null).withAddress(paris).withOwner(b));
        clock.advance(Duration.ofMinutes(1));
        crm.contacts().create(ContactDetails.of(null, "C", "Three", null).withOwner(a));
        crm.customers().recordPurchase(NewPurchase.of(null, c1, "P-1", 1, Money.of("10.00", "EUR")));
    }

    private static Instant at(long minutes) {
        return START.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(minutes));
    }

    @Test
    void peopleAreLeadsFirstThenContactsLeavingOutConvertedAndMergedLeads() {
        population();
        var page = crm.contacts().people(PeopleQuery.all(), PageRequest.first(100));
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).extracting(Person::name).containsExactly("L One", "L Two", "L Three", "L Four",
                "C One", "C Two", "C Three");
        Person first = page.items().get(0);
        assertThat(first.kind()).isEqualTo(Person.Kind.LEAD);
        assertThat(first.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(first.qualification()).isEqualTo("NEW");
        assertThat(first.owner()).isEqualTo(UserId.of("rep-a"));
        assertThat(first.email().value()).isEqualTo("l1@example.com");
        assertThat(first.location().city()).isEqualTo("London");
        Person customer = page.items().get(4);
        assertThat(customer.kind()).isEqualTo(Person.Kind.CONTACT);
        assertThat(customer.stage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    void pagesWalkAcrossLeadsAndContactsWithoutGapsOrRepeats() {
        population();
        for (int size = 1; size <= 8; size++) {
            List<String> names = new ArrayList<>();
            PageRequest request = PageRequest.first(size);
            while (true) {
                var page = crm.contacts().people(PeopleQuery.all(), request);
                assertThat(page.total()).isEqualTo(7);
                assertThat(page.items().size()).isLessThanOrEqualTo(size);
                page.items().forEach(p -> names.add(p.name()));
                if (!page.hasNext()) {
                    break;
                }
                request = request.next();
            }
            assertThat(names).as("page size %d", size).containsExactly("L One", "L Two", "L Three", "L Four",
                    "C One", "C Two", "C Three");
        }
    }

    @Test
    void peopleAreFilteredByStageQualificationOwnerAndLocation() {
        population();
        PageRequest all = PageRequest.first(100);
        assertThat(crm.contacts().people(PeopleQuery.all().withStage(LifecycleStage.CUSTOMER), all).items())
                .extracting(Person::name).containsExactly("C One");
        assertThat(crm.contacts().people(PeopleQuery.all().withStage(LifecycleStage.PROSPECT), all).total())
                .isEqualTo(6);
        assertThat(crm.contacts().people(PeopleQuery.all().withQualification("qualified"), all).items())
                .extracting(Person::name).containsExactly("L Two");
        assertThat(crm.contacts().people(PeopleQuery.all().withQualification("CONVERTED"), all).items())
                .extracting(Person::name).containsExactly("L Gone");
        assertThat(crm.contacts().people(PeopleQuery.all().withQualification("PROSPECT"), all).items())
                .extracting(Person::name).containsExactly("C Two", "C Three");
        assertThat(crm.contacts().people(PeopleQuery.all().withOwner(UserId.of("rep-a")), all).items())
                .extracting(Person::name).containsExactly("L One", "L Four", "C One", "C Three");
        assertThat(crm.contacts().people(PeopleQuery.all().withLocation("gb", null, "london"), all).items())
                .extracting(Person::name).containsExactly("L One", "L Three", "C One");
        assertThat(crm.contacts().people(PeopleQuery.all().withKind(Person.Kind.CONTACT)
                .withLocation("FR", null, null), all).items()).extracting(Person::name).containsExactly("C Two");
        assertThatThrownBy(() -> crm.contacts().people(PeopleQuery.all().withQualification("HOT"), all))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("qualification")).isTrue());
    }

    @Test
    void peopleAreCountedPerGroup() {
        population();
        assertThat(crm.contacts().countPeople(PeopleQuery.all(), GroupField.STAGE))
                .containsOnly(entry("PROSPECT", 6L), entry("CUSTOMER", 1L));
        assertThat(crm.contacts().countPeople(PeopleQuery.all(), GroupField.QUALIFICATION))
                .containsOnly(entry("NEW", 2L), entry("QUALIFIED", 1L), entry("WORKING", 1L),
                        entry("PROSPECT", 2L), entry("CUSTOMER", 1L));
        assertThat(crm.contacts().countPeople(PeopleQuery.all(), GroupField.OWNER))
                .containsOnly(entry("rep-a", 4L), entry("rep-b", 3L));
        assertThat(crm.contacts().countPeople(PeopleQuery.all(), GroupField.COUNTRY))
                .containsOnly(entry("GB", 3L), entry("FR", 2L), entry("", 2L));
        assertThat(crm.contacts().countPeople(PeopleQuery.all().withOwner(UserId.of("rep-b")), GroupField.CITY))
                .containsOnly(entry("Paris", 2L), entry("London", 1L));
    }

    private static java.util.Map.Entry<String, Long> entry(String key, long value) {
        return java.util.Map.entry(key, value);
    }

    @Test
    void aLeadIsListedUnderItsLeadId() {
        LeadId lead = TestLeads.save(storage(), tenant, "ada@example.com", START);
        var people = crm.contacts().people(PeopleQuery.all(), PageRequest.first(10));
        assertThat(people.items()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Person.Kind.LEAD);
            assertThat(p.id()).isEqualTo(lead.value());
        });
    }
}
