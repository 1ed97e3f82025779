package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.FormCapture;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.LeadLimits;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Operator;
import dev.crmkit.core.segment.SegmentLimits;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.testkit.Samples;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile sizes on every adapter: custom fields, web forms, money at the edge of its range, and segments at and past
 * their limits. Input past a limit is a {@code ValidationException} naming the field with nothing stored, the same
 * on every adapter; input at a limit is stored and read back exactly (or counted, for segments, which on PostgreSQL
 * also means within its 65,535 bound parameters); and no input makes later reads of the tenant fail.
 */
public abstract class InputBoundsContract extends ContractSupport {
    private static final FormMapping FORM = FormMapping.builder("contact-us")
            .map("lname", LeadField.LAST_NAME).map("email", LeadField.EMAIL).build();

    /** Text of exactly {@code length} UTF-16 units with two-, three- and four-byte characters, starting with salt. */
    private static String text(int length, String salt) {
        StringBuilder b = new StringBuilder(salt);
        String[] parts = {"é", "名", "\uD83D\uDE00", "ß"};
        for (int i = 0; b.length() < length; i++) {
            String part = parts[i % parts.length];
            b.append(b.length() + part.length() <= length ? part : "x");
        }
        return b.substring(0, length);
    }

    private long leadCount() {
        return crm.leads().search(new LeadQuery(java.util.Set.of(), null, null, null, null, null, null, true),
                PageRequest.first(10)).total();
    }

    private static void refused(Runnable r, String... fields) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(fields));
    }

    // ---- custom fields ------------------------------------------------------------------------------------------

    @Test
    void aCustomFieldKeyOf50001CharactersIsRefusedAndTheTenantsLeadsStayReadable() {
        LeadId ok = crm.leads().capture(NewLead.of("Ok", "Lead", "ok@example.com"));
        String key = "k".repeat(50_001);
        refused(() -> crm.leads().capture(NewLead.of("Big", "Key", "bigkey@example.com")
                .customFields(Map.of(key, "v"))), "customFields[" + "k".repeat(40) + "...]");
        assertThat(leadCount()).isEqualTo(1);

        assertThat(crm.leads().get(ok).reach().email().value()).isEqualTo("ok@example.com");
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(50)).items()).hasSize(1);
        LeadId again = crm.leads().capture(NewLead.of("Big", "Key", "bigkey@example.com"));
        crm.leads().rescoreOpen();
        assertThat(crm.leads().startWorking(again).status()).isEqualTo(LeadStatus.WORKING);
    }

    @Test
    void tooManyCustomFieldsOrAnOverlongValueAreRefusedNamingThemAndNothingIsStored() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= LeadLimits.CUSTOM_FIELDS; i++) {
            many.put("f" + i, "v");
        }
        refused(() -> crm.leads().capture(NewLead.of("A", "B", "a@example.com").customFields(many)),
                "customFields");
        refused(() -> crm.leads().capture(NewLead.of("A", "B", "a@example.com")
                .customFields(Map.of("note", "x".repeat(LeadLimits.CUSTOM_FIELD_VALUE + 1)))), "customFields[note]");
        assertThat(leadCount()).isZero();
    }

    @Test
    void customFieldsAtTheirLimitsAreStoredAndReadBackExactly() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < LeadLimits.CUSTOM_FIELDS; i++) {
            fields.put(text(LeadLimits.CUSTOM_FIELD_KEY, "k" + i), text(LeadLimits.CUSTOM_FIELD_VALUE, "v" + i));
        }
        LeadId id = crm.leads().capture(NewLead.of("Max", "Fields", "max@example.com").customFields(fields));
        assertThat(crm.leads().get(id).customFields()).isEqualTo(fields);
    }

    @Test
    void aLeadStoredWithCustomFieldsBeyondTodaysLimitsStillReadsBack() {
        // As an older version could have stored it: written below the services, which refuse it now.
        Lead base = Samples.lead(LeadId.of(UUID.randomUUID()), "old@example.com");
        Map<String, String> custom = Map.of("k".repeat(50_001), "v".repeat(100_000));
        Lead old = new Lead(base.id(), 0, base.identity(), base.reach(), base.origin(), base.consent(), base.status(),
                null, base.score(), false, base.owner(), List.of(), base.visitorIds(), base.tags(), custom,
                base.createdAt(), base.updatedAt(), base.history());
        storage().write(tenant, tx -> tx.leads().save(old));

        assertThat(crm.leads().get(old.id()).customFields()).isEqualTo(custom);
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(50)).items())
                .extracting(Lead::id).containsExactly(old.id());
    }

    // ---- web forms ----------------------------------------------------------------------------------------------

    @Test
    void aFormWith20000UnmappedFieldsCapturesTheLeadKeepingTheFirstCustomFields() {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("lname", "Many");
        posted.put("email", "many@example.com");
        for (int i = 0; i < 20_000; i++) {
            posted.put(String.format("extra%05d", i), "v" + i);
        }
        FormCapture captured = crm.leads().captureForm(FORM, WebFormSubmission.of(posted));
        Map<String, String> kept = crm.leads().get(captured.lead()).customFields();
        assertThat(kept).hasSize(LeadLimits.CUSTOM_FIELDS).containsEntry("extra00000", "v0")
                .containsEntry("extra00099", "v99").doesNotContainKey("extra00100");
    }

    @Test
    void aFormFieldNameOfAMegabyteIsDroppedNotStored() {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("lname", "Long");
        posted.put("email", "long@example.com");
        posted.put("n".repeat(1_000_000), "x".repeat(FormMapping.MAX_VALUE_LENGTH + 1));
        posted.put("source", "ad");
        FormCapture captured = crm.leads().captureForm(FORM, WebFormSubmission.of(posted));
        assertThat(crm.leads().get(captured.lead()).customFields()).containsExactly(Map.entry("source", "ad"));
    }

    @Test
    void aMergeKeepsTheSurvivorsCustomFieldsFirstAndStaysWithinTheLimit() {
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> theirs = new LinkedHashMap<>();
        for (int i = 0; i < LeadLimits.CUSTOM_FIELDS; i++) {
            mine.put("mine" + i, "m");
            theirs.put("theirs" + i, "t");
        }
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").customFields(mine));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.org").customFields(theirs));
        Lead merged = crm.leads().merge(keep, gone);
        assertThat(merged.customFields()).isEqualTo(mine);
        assertThat(crm.leads().get(keep).customFields()).isEqualTo(mine);
    }

    // ---- money --------------------------------------------------------------------------------------------------

    @Test
    void theLargestAndSmallestAmountsAreStoredExactly() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        List<Money> prices = List.of(Money.of("999999999999999.99", "EUR"), Money.of("999999999999999", "JPY"),
                Money.of("999999999999999.999", "BHD"), Money.of("999999999999999.9999", "CLF"),
                Money.of("0.0001", "CLF"), Money.of("0.001", "BHD"), Money.of("0", "EUR"));
        for (Money price : prices) {
            crm.customers().recordPurchase(NewPurchase.of(acme, null, "P-" + price.currency(), 1, price));
        }
        assertThat(crm.customers().purchases(acme)).extracting(Purchase::unitPrice)
                .containsExactlyInAnyOrderElementsOf(prices);
        OpportunityId big = crm.opportunities().create(NewOpportunity.of(acme, "Big", prices.get(0),
                LocalDate.of(2026, 6, 30)));
        assertThat(crm.opportunities().get(big).amount()).isEqualTo(prices.get(0));
    }

    @Test
    void purchaseTotalsBeyondTheRangeOfOneAmountAreCountedTheSameEverywhere() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId whale = crm.contacts().create(ContactDetails.of(acme, "Big", "Spender", null));
        crm.customers().recordPurchase(NewPurchase.of(acme, whale, "P-1", 1000, Money.of("999999999999999.99",
                "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(acme, whale, "P-1", 1000, Money.of("999999999999999.99",
                "EUR")));
        Criteria max = Criteria.field("purchaseTotal").ge(Money.of("999999999999999.99", "EUR"));
        assertThat(crm.segments().count(SegmentTarget.CONTACT, max)).isEqualTo(1);
        assertThat(crm.segments().count(SegmentTarget.ACCOUNT, Criteria.not(max))).isZero();
    }

    // ---- segments -----------------------------------------------------------------------------------------------

    @Test
    void aSegmentAtTheNodeAndValueLimitsIsSavedAndCounted() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId leeds = crm.contacts().create(ContactDetails.of(acme, "In", "Leeds", null)
                .withAddress(Address.of("Leeds", null, "GB")));
        crm.contacts().create(ContactDetails.of(acme, "In", "York", null).withAddress(Address.of("York", null, "GB")));
        crm.customers().recordPurchase(NewPurchase.of(acme, leeds, "P-1", 2, Money.of("50.00", "EUR")));
        // An OR of purchase totals (three parameters each in SQL) and one long IN list: the most parameters a tree
        // within the limits binds.
        List<Criteria> totals = new ArrayList<>();
        int orNodes = SegmentLimits.NODES - 3; // root AND, the OR and the IN condition
        for (int i = 0; i < orNodes; i++) {
            totals.add(Criteria.field("purchaseTotal").ge(Money.of(String.valueOf(100 + i), "EUR")));
        }
        List<String> cities = new ArrayList<>();
        cities.add("leeds");
        while (cities.size() < SegmentLimits.VALUES - orNodes) {
            cities.add("city " + cities.size());
        }
        Criteria atLimits = Criteria.and(new Criteria.Or(totals), new Criteria.Condition("city", Operator.IN,
                cities));
        var id = crm.segments().create("At the limits", SegmentTarget.CONTACT, atLimits);
        assertThat(crm.segments().count(id)).isEqualTo(1);
        assertThat(crm.segments().members(id, PageRequest.first(10)).items()).extracting(e -> e.value())
                .containsExactly(leeds.value());
        assertThat(crm.segments().get(id).criteria()).isEqualTo(atLimits);
    }

    @Test
    void aSegmentOf70000ConditionsOrValuesIsRefusedNamingTheLimitAndNothingIsStored() {
        Criteria conditions = new Criteria.Or(Collections.nCopies(70_000, Criteria.field("city").eq("leeds")));
        List<String> cities = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            cities.add("city " + i);
        }
        Criteria values = new Criteria.Condition("city", Operator.IN, cities);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> crm.segments().create("Huge", SegmentTarget.CONTACT, conditions))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("criteria");
                        assertThat(e.getMessage()).contains(String.valueOf(SegmentLimits.NODES)).hasSizeLessThan(300);
                    });
            refused(() -> crm.segments().create("Huge", SegmentTarget.CONTACT, values), "criteria");
            refused(() -> crm.segments().count(SegmentTarget.CONTACT, conditions), "criteria");
            refused(() -> crm.segments().preview(SegmentTarget.CONTACT, values, PageRequest.first(10)), "criteria");
        });
        assertThat(crm.segments().list()).isEmpty();
    }

    @Test
    void aSegmentValueWithAHugeExponentIsRefusedQuicklyEverywhere() {
        Criteria c = Criteria.and(new Criteria.Condition("purchaseTotal", Operator.GE, List.of("1E10000000 EUR")));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(
                () -> crm.segments().create("Exponent", SegmentTarget.CONTACT, c), "criteria.and[0].values[0]"));
        assertThat(crm.segments().list()).isEmpty();
    }
}
