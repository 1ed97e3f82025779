package dev.crmkit.core.contract;

import dev.crmkit.core.common.AccountId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Operator;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentEvent;
import dev.crmkit.core.segment.SegmentSize;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.testkit.TestLeads;
import dev.crmkit.core.tracking.RepInteraction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Segmentation through {@code SegmentService}: saved criteria, members, counts, validation and JSON. */
public abstract class SegmentContract extends ContractSupport {
    private AccountId acme;
    private AccountId globex;
    private ContactId ada;
    private ContactId grace;
    private ContactId linus;
    private final List<SegmentEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpPeople() {
        acme = crm.accounts().create(new AccountDetails("Acme", null, null, Address.of("Munich", "Bavaria", "DE"),
                null, UserId.of("rep-1"), Set.of("strategic")));
        clock.advance(Duration.ofMinutes(1));
        globex = crm.accounts().create(new AccountDetails("Globex", null, null, Address.of("Leeds", null, "GB"),
                null, UserId.of("rep-2"), Set.of()));
        clock.advance(Duration.ofMinutes(1));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", null)
                .withAddress(Address.of("Munich", "Bavaria", "DE")).withTags(Set.of("vip", "newsletter")));
        clock.advance(Duration.ofMinutes(1));
        grace = crm.contacts().create(ContactDetails.of(acme, "Grace", "Hopper", null)
                .withAddress(Address.of("Nuremberg", "bavaria", "DE")).withOwner(UserId.of("rep-2")));
        clock.advance(Duration.ofMinutes(1));
        linus = crm.contacts().create(ContactDetails.of(globex, "Linus", "T", null)
                .withAddress(Address.of("Leeds", null, "GB")).withTags(Set.of("newsletter")));
        crm.events().subscribe(SegmentEvent.class, events::add);
    }

    private static List<EntityId> all(Page<EntityId> page) {
        return page.items();
    }

    @Test
    void aSavedSegmentListsCountsAndPagesItsMembers() {
        Criteria bavarians = Criteria.and(Criteria.field("country").eq("de"), Criteria.field("region").eq("BAVARIA"));
        SegmentId id = crm.segments().create("Bavarians", SegmentTarget.CONTACT, bavarians);

        assertThat(crm.segments().count(id)).isEqualTo(2);
        Page<EntityId> first = crm.segments().members(id, PageRequest.first(1));
        assertThat(first.items()).containsExactly(ada);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(crm.segments().members(id, new PageRequest(1, 1)).items()).containsExactly(grace);

        Segment s = crm.segments().get(id);
        assertThat(s.name()).isEqualTo("Bavarians");
        assertThat(s.target()).isEqualTo(SegmentTarget.CONTACT);
        assertThat(s.criteria()).isEqualTo(bavarians);
        assertThat(s.owner()).isEqualTo(UserId.of("rep-1"));
        assertThat(events).singleElement().isInstanceOf(SegmentEvent.SegmentSaved.class);

        // Membership follows the data: a contact moving to Bavaria joins.
        crm.contacts().update(crm.contacts().get(linus), ContactDetails.of(globex, "Linus", "T", null)
                .withAddress(Address.of("Passau", "Bavaria", "DE")));
        assertThat(crm.segments().count(id)).isEqualTo(3);
    }

    @Test
    void segmentsAreListedByNameWithTheirSizes() {
        SegmentId b = crm.segments().create("b: newsletter", SegmentTarget.CONTACT,
                Criteria.field("tags").contains("newsletter"));
        SegmentId a = crm.segments().create("A: strategic accounts", SegmentTarget.ACCOUNT,
                Criteria.field("tags").contains("strategic"));
        assertThat(crm.segments().list()).extracting(Segment::id).containsExactly(a, b);
        assertThat(crm.segments().listWithSizes()).extracting(SegmentSize::members).containsExactly(1L, 2L);
    }

    @Test
    void andOrNotCombineAndMissingValuesNeverCompare() {
        // grace has owner rep-2, the others rep-1 (the acting user): NE needs a value, NOT does not.
        ContactId noOwner = crm.contacts().create(ContactDetails.of(null, "No", "Body", null));
        // ContactService defaults a missing owner to the actor, so write the ownerless state directly.
        storage().write(tenant, tx -> {
            Contact c = tx.contacts().get(noOwner);
            return tx.contacts().save(new Contact(c.id(), c.version(), null,
                    new ContactName(c.name().firstName(), c.name().lastName(), null), null, null, null, false,
                    c.stage(), null, null, null, null, c.createdAt(), c.updatedAt()));
        });
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("owner").ne("rep-2"),
                PageRequest.first(10)))).containsExactly(ada, linus);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT,
                Criteria.not(Criteria.field("owner").eq("rep-2")), PageRequest.first(10))))
                .containsExactly(ada, linus, noOwner);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("owner").isEmpty(),
                PageRequest.first(10)))).containsExactly(noOwner);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT,
                Criteria.or(Criteria.field("city").in("leeds", "NUREMBERG"), Criteria.field("tags").contains("vip")),
                PageRequest.first(10)))).containsExactly(ada, grace, linus);
        assertThat(crm.segments().count(SegmentTarget.CONTACT, Criteria.all())).isEqualTo(4);
        assertThat(crm.segments().count(SegmentTarget.CONTACT, Criteria.or())).isZero();
        assertThat(crm.segments().count(SegmentTarget.CONTACT, Criteria.field("tags").isEmpty())).isEqualTo(2);
    }

    @Test
    void purchaseTotalsAndLastActivityComeFromPurchasesAndTouchpoints() {
        crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-1", 3, Money.of("40.00", "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-2", 1, Money.of("30.00", "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(null, grace, "ENG-1", 1, Money.of("500.00", "USD")));
        crm.customers().recordPurchase(NewPurchase.of(globex, null, "ENG-3", 2, Money.of("60.00", "EUR")));
        clock.advance(Duration.ofDays(10));
        Instant call = clock.instant();
        crm.tracking().logCall(RepInteraction.withContact(grace, 60, "interested", null));

        // ada: 150 EUR; grace: 0 EUR (500 USD); linus: none (his account bought, not he).
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT,
                Criteria.field("purchaseTotal").ge(Money.of("150.00", "EUR")), PageRequest.first(10))))
                .containsExactly(ada);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT,
                Criteria.field("purchaseTotal").lt(Money.of("1.00", "EUR")), PageRequest.first(10))))
                .containsExactly(grace, linus);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT,
                Criteria.field("purchaseTotal").gt(Money.of("499.99", "USD")), PageRequest.first(10))))
                .containsExactly(grace);
        assertThat(all(crm.segments().preview(SegmentTarget.ACCOUNT,
                Criteria.field("purchaseTotal").eq(Money.of("150", "EUR")), PageRequest.first(10))))
                .containsExactly(acme);
        assertThat(all(crm.segments().preview(SegmentTarget.ACCOUNT,
                Criteria.field("purchaseTotal").eq(Money.of("120.00", "EUR")), PageRequest.first(10))))
                .containsExactly(globex);

        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("lastActivity").ge(call),
                PageRequest.first(10)))).containsExactly(grace);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("lastActivity").isEmpty(),
                PageRequest.first(10)))).containsExactly(ada, linus);
        assertThat(all(crm.segments().preview(SegmentTarget.ACCOUNT, Criteria.field("lastActivity").isSet(),
                PageRequest.first(10)))).containsExactly(acme);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("createdAt").gt(START),
                PageRequest.first(10)))).containsExactly(ada, grace, linus);
    }

    @Test
    void leadSegmentsUseStatusScoreAndLeaveOutMergedAndSpamLeads() {
        LeadId hot = TestLeads.save(storage(), tenant, "Hot", "Lead", "hot@example.com", LeadStatus.QUALIFIED,
                UserId.of("rep-1"), Address.of("Berlin", null, "DE"), START);
        LeadId cold = TestLeads.save(storage(), tenant, "Cold", "Lead", "cold@example.com", LeadStatus.NEW,
                UserId.of("rep-1"), Address.of("Berlin", null, "DE"), START.plusSeconds(1));
        LeadId merged = TestLeads.save(storage(), tenant, "Old", "Lead", "old@example.com", LeadStatus.MERGED,
                UserId.of("rep-1"), Address.of("Berlin", null, "DE"), START.plusSeconds(2));
        storage().write(tenant, tx -> {
            Lead l = tx.leads().get(hot);
            return tx.leads().save(new Lead(l.id(), l.version(), l.identity(), l.reach(), l.origin(), l.consent(),
                    l.status(), null, 80, false, l.owner(), null, null, Set.of("webinar"), null, l.createdAt(),
                    l.updatedAt(), null));
        });
        LeadId spam = TestLeads.save(storage(), tenant, "Spam", "Bot", "bot@example.com", LeadStatus.NEW,
                UserId.of("rep-1"), Address.of("Berlin", null, "DE"), START.plusSeconds(3));
        storage().write(tenant, tx -> {
            Lead l = tx.leads().get(spam);
            return tx.leads().save(new Lead(l.id(), l.version(), l.identity(), l.reach(), l.origin(), l.consent(),
                    l.status(), null, 0, true, l.owner(), null, null, null, null, l.createdAt(), l.updatedAt(), null));
        });

        assertThat(all(crm.segments().preview(SegmentTarget.LEAD, Criteria.field("country").eq("DE"),
                PageRequest.first(10)))).containsExactly(hot, cold).doesNotContain(merged, spam);
        assertThat(all(crm.segments().preview(SegmentTarget.LEAD, Criteria.and(Criteria.field("score").ge(50),
                Criteria.field("status").in("qualified", "WORKING"), Criteria.field("tags").contains("webinar"),
                Criteria.field("stage").eq("PROSPECT")), PageRequest.first(10)))).containsExactly(hot);
    }

    @Test
    void invalidCriteriaNameThePathOfEveryBadNodeAndNothingIsSaved() {
        Criteria bad = Criteria.and(
                Criteria.field("country").eq("DE"),
                Criteria.field("score").ge(50),                                        // leads only
                Criteria.not(Criteria.field("tags").is(Operator.LT, "vip")),          // operator not for tags
                Criteria.or(Criteria.field("purchaseTotal").ge("lots"),               // not an amount
                        Criteria.field("stage").eq("GOLD"),                            // no such stage
                        Criteria.field("owner").is(Operator.EQ)),                      // EQ needs a value
                Criteria.field("shoeSize").eq("42"));                                  // no such field
        assertThatThrownBy(() -> crm.segments().create(" ", SegmentTarget.CONTACT, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "criteria.and[1]",
                                "criteria.and[2].not", "criteria.and[3].or[0].values[0]",
                                "criteria.and[3].or[1].values[0]", "criteria.and[3].or[2]", "criteria.and[4]"));
        assertThatThrownBy(() -> crm.segments().count(SegmentTarget.LEAD, Criteria.field("purchaseTotal")
                .ge(Money.of("1", "EUR"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("criteria")).isTrue());
        assertThatThrownBy(() -> crm.segments().create("x", null, Criteria.all()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("target")).isTrue());
        assertThatThrownBy(() -> crm.segments().create("x", SegmentTarget.LEAD, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("criteria")).isTrue());
        assertThat(crm.segments().list()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aGeoTargetedSegmentHoldsThePeopleWithinItsRadiusAndABadCircleIsRefused() {
        ContactId munich = crm.contacts().create(ContactDetails.of(acme, "Mia", "M", null)
                .withAddress(Address.of("Munich", "Bavaria", "DE").withGeo(new GeoPoint(48.1372, 11.5755))));
        ContactId nuremberg = crm.contacts().create(ContactDetails.of(acme, "Nils", "N", null)
                .withAddress(Address.of("Nuremberg", "Bavaria", "DE").withGeo(new GeoPoint(49.4521, 11.0767))));
        crm.contacts().create(ContactDetails.of(globex, "Lee", "L", null)
                .withAddress(Address.of("Leeds", null, "GB").withGeo(new GeoPoint(53.8008, -1.5491))));
        GeoPoint munichCentre = new GeoPoint(48.14, 11.58);

        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("location")
                .near(munichCentre, 50), PageRequest.first(10)))).containsExactly(munich);
        assertThat(all(crm.segments().preview(SegmentTarget.CONTACT, Criteria.field("location")
                .near(munichCentre, 200), PageRequest.first(10)))).containsExactly(munich, nuremberg);
        assertThat(crm.segments().count(SegmentTarget.CONTACT, Criteria.not(Criteria.field("location")
                .near(munichCentre, 200)))).as("no position: not near, so NOT near").isEqualTo(4);
        assertThat(crm.segments().count(SegmentTarget.CONTACT, Criteria.field("location").isSet())).isEqualTo(3);
        assertThat(Criteria.fromJson(Criteria.field("location").near(munichCentre, 50).toJson()))
                .isEqualTo(Criteria.field("location").near(munichCentre, 50));

        assertThatThrownBy(() -> crm.segments().count(SegmentTarget.CONTACT, Criteria.or(
                Criteria.field("location").is(Operator.NEAR, "91", "0", "10"),
                Criteria.field("location").is(Operator.NEAR, "48", "11", "0"),
                Criteria.field("location").is(Operator.NEAR, "48", "east", "10"),
                Criteria.field("location").is(Operator.NEAR, "48", "11"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("criteria.or[0].values",
                            "criteria.or[1].values", "criteria.or[2].values[1]", "criteria.or[3]");
                    assertThat(e.errors().get(0).reason()).contains("latitude");
                    assertThat(e.errors().get(1).reason()).contains("radiusKm");
                });
    }

    @Test
    void namesAreUniqueIgnoringCaseAndSegmentsCanBeChanged() {
        SegmentId id = crm.segments().create("VIPs", SegmentTarget.CONTACT, Criteria.field("tags").contains("vip"));
        assertThatThrownBy(() -> crm.segments().create(" vips ", SegmentTarget.ACCOUNT, Criteria.all()))
                .isInstanceOf(DuplicateException.class);
        SegmentId other = crm.segments().create("Newsletter", SegmentTarget.CONTACT,
                Criteria.field("tags").contains("newsletter"));
        assertThatThrownBy(() -> crm.segments().update(crm.segments().get(other), "VIPS", Criteria.all()))
                .isInstanceOf(DuplicateException.class);

        Segment changed = crm.segments().update(crm.segments().get(id), "Very important",
                Criteria.field("city").eq("Leeds"));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(crm.segments().members(id, PageRequest.first(10)).items()).containsExactly(linus);
        assertThat(crm.segments().update(changed, "VIPs", changed.criteria()).name()).isEqualTo("VIPs");
    }

    @Test
    void criteriaAndSavedSegmentsRoundTripThroughJson() {
        Criteria c = Criteria.and(Criteria.field("country").in("DE", "AT"),
                Criteria.not(Criteria.or(Criteria.field("tags").contains("churned"),
                        Criteria.field("lastActivity").lt(Instant.parse("2025-12-01T00:00:00Z")))),
                Criteria.field("purchaseTotal").ge(Money.of("100", "EUR")), Criteria.field("owner").isSet());
        String json = c.toJson();
        assertThat(Criteria.fromJson(json)).isEqualTo(c);
        assertThat(json).contains("\"type\":\"and\"", "\"field\":\"purchaseTotal\"", "\"100.00 EUR\"");

        Criteria typed = Criteria.fromJson("""
                {"type":"or","criteria":[
                  {"type":"condition","field":"city","op":"EQ","values":["Leeds"]},
                  {"type":"not","criteria":{"type":"condition","field":"region","op":"IS_SET"}}]}""");
        SegmentId id = crm.segments().create("From JSON", SegmentTarget.CONTACT, typed);
        assertThat(crm.segments().get(id).criteria().toJson()).isEqualTo(typed.toJson());
        assertThat(crm.segments().members(id, PageRequest.first(10)).items()).containsExactly(linus);

        assertThatThrownBy(() -> Criteria.fromJson("{\"type\":\"xor\"}"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("criteria")).isTrue());
        assertThatThrownBy(() -> Criteria.fromJson("{\"type\":\"condition\",\"field\":\"city\",\"op\":\"LIKE\"}"))
                .isInstanceOf(ValidationException.class);
    }
}
