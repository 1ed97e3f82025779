package dev.crmkit.core.contract;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.CustomerLimits;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.NewFeedback;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.LeadLimits;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.QuoteChange;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.sales.SalesLimits;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentLimits;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseHistoryEntry;
import dev.crmkit.core.service.ServiceLimits;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.TaskLimits;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackingLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The public writes, filters and criteria of crm-core that take text or time, one {@link Write} per parameter: the
 * field name a {@code ValidationException} must give, the call through the public {@code Crm} API with a hostile
 * value in that one parameter (everything else valid), the read-back of what was stored, and a footprint that must
 * not change when the write is refused. {@link HostileInputContract} runs it on an adapter; the JPA module compares
 * the outcomes across adapters.
 */
public final class HostileCatalog {
    /** What a parameter takes, which picks its {@link HostileValues}. */
    public enum Kind {
        /** Text of one line: names, codes, ids, tags. */
        LINE,
        /** Text that may span lines: notes, descriptions, comments, bodies. */
        MULTI_LINE,
        /** Text that only selects (a lookup or criteria value): nothing is stored. */
        FILTER,
        /** A whole number. */
        NUMBER,
        /** An instant. */
        TIME
    }

    /** Prepares what one input needs (e.g. a new open case to resolve); may return null. */
    @FunctionalInterface
    public interface Prepare {
        Object run(HostileFixture fx);
    }

    /** Performs the write with {@code value}; returns what {@link Read} needs to find the stored record. */
    @FunctionalInterface
    public interface Perform {
        Object run(HostileFixture fx, Object target, Object value);
    }

    /** Reads back the value stored by one {@link Perform} (null when none was kept). */
    @FunctionalInterface
    public interface Read {
        Object run(HostileFixture fx, Object target, Object handle);
    }

    /** Something that changes when the write stores anything: a count, the target's current state. */
    @FunctionalInterface
    public interface Footprint {
        Object run(HostileFixture fx, Object target);
    }

    /**
     * One parameter of one public write.
     *
     * @param name        unique, e.g. {@code leads.capture firstName}; also seeds the generated values
     * @param field       the field a {@code ValidationException} must name, exactly
     * @param kind        which values it gets
     * @param limit       its documented maximum length, 0 when it has none (texts only)
     * @param freshTenant whether every value needs a tenant of its own (unique keys, retries that deduplicate)
     * @param normalise   what a stored value reads back as (stripping, case), from the value given
     */
    public record Write(String name, String field, Kind kind, int limit, boolean freshTenant, Prepare prepare,
                        Perform perform, Read read, Footprint footprint, UnaryOperator<Object> normalise) {
        /** The values this parameter gets, the same on every adapter. */
        public List<?> values() {
            return switch (kind) {
                case TIME -> HostileValues.instants(name);
                case NUMBER -> HostileValues.numbers(name);
                default -> HostileValues.texts(name, limit);
            };
        }

        Write fresh() {
            return new Write(name, field, kind, limit, true, prepare, perform, read, footprint, normalise);
        }

        Write normalisedBy(UnaryOperator<Object> n) {
            return new Write(name, field, kind, limit, freshTenant, prepare, perform, read, footprint, n);
        }
    }

    /** Stripped, blank as null: how every text field keeps a value. */
    public static final UnaryOperator<Object> STRIPPED = v -> v instanceof String s ? Text.blankToNull(s) : v;
    /** Instants are kept to the microsecond. */
    private static final UnaryOperator<Object> STORABLE = v -> Validation.storable((Instant) v);
    private static final UnaryOperator<Object> UPPER = v -> v instanceof String s && Text.blankToNull(s) != null
            ? Text.blankToNull(s).toUpperCase(Locale.ROOT) : STRIPPED.apply(v);
    private static final UnaryOperator<Object> LOWER = v -> v instanceof String s && Text.blankToNull(s) != null
            ? Text.blankToNull(s).toLowerCase(Locale.ROOT) : STRIPPED.apply(v);
    /** A lookup finds nothing for a value no fixture holds. */
    private static final UnaryOperator<Object> NOTHING_FOUND = v -> 0;
    private static final PageRequest PAGE = PageRequest.first(PageRequest.MAX_SIZE);
    private static final Instant HOUR_LATER = ContractSupport.START.plus(Duration.ofHours(1));
    private static final Money TEN_EUR = Money.of("10.00", "EUR");

    private HostileCatalog() {
    }

    private static Write write(String name, String field, Kind kind, int limit, Prepare prepare, Perform perform,
                               Read read, Footprint footprint) {
        return new Write(name, field, kind, limit, false, prepare, perform, read, footprint,
                kind == Kind.TIME ? STORABLE : STRIPPED);
    }

    /** A create with no target: refused means the count did not change. */
    private static Write create(String name, String field, Kind kind, int limit, Perform perform, Read read,
                                Footprint count) {
        return write(name, field, kind, limit, fx -> null, perform, read, count);
    }

    private static Write filter(String name, String field, Perform lookup) {
        return new Write(name, field, Kind.FILTER, 0, false, fx -> null, lookup, (fx, t, found) -> found,
                (fx, t) -> 0, NOTHING_FOUND);
    }

    private static String s(Object value) {
        return (String) value;
    }

    private static int n(Object value) {
        return (Integer) value;
    }

    private static Instant t(Object value) {
        return (Instant) value;
    }

    private static long leads(HostileFixture fx) {
        return fx.crm.leads().search(LeadQuery.all(), PAGE).total();
    }

    private static int size(List<?> list) {
        return list.size();
    }

    private static Object lastHistory(Case c) {
        List<CaseHistoryEntry> h = c.history();
        return h.get(h.size() - 1).detail();
    }

    /** Every write of the catalog. */
    public static List<Write> all() {
        List<Write> all = new ArrayList<>();
        leads(all);
        customers(all);
        sales(all);
        service(all);
        tasks(all);
        tracking(all);
        segments(all);
        numbers(all);
        filters(all);
        return all;
    }

    private static void leads(List<Write> all) {
        all.add(create("leads.capture firstName", "firstName", Kind.LINE, LeadLimits.NAME,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of(s(v), "Lovelace", "ada@example.com")),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).identity().firstName(), (fx, t) -> leads(fx)));
        all.add(create("leads.capture lastName", "lastName", Kind.LINE, LeadLimits.NAME,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", s(v), "ada@example.com")),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).identity().lastName(), (fx, t) -> leads(fx)));
        all.add(create("leads.capture company", "company", Kind.LINE, LeadLimits.NAME,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company(s(v))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).identity().company(), (fx, t) -> leads(fx)));
        all.add(create("leads.capture title", "title", Kind.LINE, LeadLimits.NAME,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").title(s(v))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).identity().title(), (fx, t) -> leads(fx)));
        all.add(create("leads.capture email", "email", Kind.LINE, EmailAddress.MAX_LENGTH,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", s(v))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).reach().email().value(), (fx, t) -> leads(fx))
                .normalisedBy(v -> EmailAddress.of(s(v)).value()));
        all.add(create("leads.capture phone", "phone", Kind.LINE, 0,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").phone(s(v))),
                (fx, t, id) -> {
                    PhoneNumber phone = fx.crm.leads().get((LeadId) id).reach().phone();
                    return phone == null ? null : phone.value();
                }, (fx, t) -> leads(fx))
                .normalisedBy(v -> STRIPPED.apply(v) == null ? null : PhoneNumber.parse(s(v), null).value()));
        all.add(create("leads.capture tags", "tags", Kind.LINE, LeadLimits.TAG,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                        .tags(Set.of(s(v)))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).tags().stream().findFirst().orElse(null),
                (fx, t) -> leads(fx)).normalisedBy(LOWER));
        all.add(create("leads.capture customFields value", "customFields[note]", Kind.LINE,
                LeadLimits.CUSTOM_FIELD_VALUE,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                        .customFields(Map.of("note", s(v)))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).customFields().get("note"), (fx, t) -> leads(fx))
                .normalisedBy(v -> v));
        all.add(create("leads.capture city", "city", Kind.LINE, Address.MAX_LINE,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                        .address(new Address(null, s(v), null, null, "GB", null))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).reach().address().city(), (fx, t) -> leads(fx)));
        all.add(create("leads.capture visitorId", "visitorId", Kind.LINE, TrackingLimits.VISITOR_ID,
                (fx, t, v) -> fx.crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                        .visitorId(s(v))),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).visitorIds().stream().findFirst().orElse(null),
                (fx, t) -> leads(fx)).fresh());
        all.add(write("leads.disqualify reason", "reason", Kind.MULTI_LINE, LeadLimits.UNQUALIFIED_REASON,
                HostileFixture::newLead, (fx, t, v) -> fx.crm.leads().disqualify((LeadId) t, s(v)).id(),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).outcome().unqualifiedReason(),
                (fx, t) -> fx.crm.leads().get((LeadId) t).status()));
        FormMapping mapping = FormMapping.builder("signup").map("fname", LeadField.FIRST_NAME)
                .map("lname", LeadField.LAST_NAME).map("mail", LeadField.EMAIL).map("org", LeadField.COMPANY)
                .build();
        all.add(create("leads.captureForm company", "org", Kind.LINE, LeadLimits.NAME,
                (fx, t, v) -> fx.crm.leads().captureForm(mapping, new WebFormSubmission(Map.of("fname", "Grace",
                        "lname", "Hopper", "mail", "grace@navy.example", "org", s(v)), null, null)).lead(),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).identity().company(), (fx, t) -> leads(fx)));
        all.add(create("leads.captureForm unmapped field", "campaign_note", Kind.LINE, FormMapping.MAX_VALUE_LENGTH,
                (fx, t, v) -> fx.crm.leads().captureForm(mapping, new WebFormSubmission(Map.of("fname", "Grace",
                        "lname", "Hopper", "mail", "grace@navy.example", "campaign_note", s(v)), null, null)).lead(),
                (fx, t, id) -> fx.crm.leads().get((LeadId) id).customFields().get("campaign_note"),
                (fx, t) -> leads(fx)));
        all.add(create("leads.captureForm submissionId", "submissionId", Kind.LINE,
                TrackingLimits.EXTERNAL_EVENT_ID,
                (fx, t, v) -> fx.crm.leads().captureForm(mapping, new WebFormSubmission(Map.of("fname", "Grace",
                        "lname", "Hopper", "mail", "grace@navy.example"), null, s(v))).lead(),
                (fx, t, id) -> fx.crm.tracking().touchpointsOfLead((LeadId) id).get(0).externalEventId(),
                (fx, t) -> leads(fx)).fresh());
    }

    private static void customers(List<Write> all) {
        all.add(create("accounts.create name", "name", Kind.LINE, CustomerLimits.ACCOUNT_NAME,
                (fx, t, v) -> fx.crm.accounts().create(AccountDetails.named(s(v))),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).name(),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(create("accounts.create industry", "industry", Kind.LINE, CustomerLimits.INDUSTRY,
                (fx, t, v) -> fx.crm.accounts().create(new AccountDetails("Acme", s(v), null, null, null, null,
                        Set.of())),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).industry(),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(create("accounts.create website", "website", Kind.LINE, CustomerLimits.WEBSITE,
                (fx, t, v) -> fx.crm.accounts().create(new AccountDetails("Acme", null, null, null, s(v), null,
                        Set.of())),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).website(),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(create("accounts.create street", "street", Kind.LINE, Address.MAX_LINE,
                (fx, t, v) -> fx.crm.accounts().create(new AccountDetails("Acme", null, null,
                        new Address(s(v), "London", null, null, "GB", null), null, null, Set.of())),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).address().street(),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(create("accounts.create postalCode", "postalCode", Kind.LINE, Address.MAX_POSTAL_CODE,
                (fx, t, v) -> fx.crm.accounts().create(new AccountDetails("Acme", null, null,
                        new Address(null, "London", null, s(v), "GB", null), null, null, Set.of())),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).address().postalCode(),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(create("accounts.create tags", "tags", Kind.LINE, CustomerLimits.TAG,
                (fx, t, v) -> fx.crm.accounts().create(new AccountDetails("Acme", null, null, null, null, null,
                        Set.of(s(v)))),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).tags().stream().findFirst().orElse(null),
                (fx, t) -> fx.crm.accounts().list(PAGE).total()));
        all.add(write("accounts.update name", "name", Kind.LINE, CustomerLimits.ACCOUNT_NAME,
                HostileFixture::account, (fx, t, v) -> fx.crm.accounts().update(fx.crm.accounts().get((AccountId) t),
                        AccountDetails.named(s(v))).id(),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).name(),
                (fx, t) -> fx.crm.accounts().get((AccountId) t).version()));
        all.add(write("accounts.update region", "region", Kind.LINE, Address.MAX_LINE,
                HostileFixture::account, (fx, t, v) -> fx.crm.accounts().update(fx.crm.accounts().get((AccountId) t),
                        new AccountDetails("Acme", null, null, new Address(null, "Leeds", s(v), null, "GB", null),
                                null, null, Set.of())).id(),
                (fx, t, id) -> fx.crm.accounts().get((AccountId) id).address().region(),
                (fx, t) -> fx.crm.accounts().get((AccountId) t).version()));
        all.add(create("contacts.create firstName", "firstName", Kind.LINE, CustomerLimits.PERSON_NAME,
                (fx, t, v) -> fx.crm.contacts().create(ContactDetails.of(fx.account(), s(v), "Hopper", null)),
                (fx, t, id) -> fx.crm.contacts().get((ContactId) id).name().firstName(),
                (fx, t) -> fx.crm.contacts().ofAccount(fx.account()).size()));
        all.add(create("contacts.create title", "title", Kind.LINE, CustomerLimits.PERSON_NAME,
                (fx, t, v) -> fx.crm.contacts().create(ContactDetails.of(fx.account(), "Grace", "Hopper", null)
                        .withTitle(s(v))),
                (fx, t, id) -> fx.crm.contacts().get((ContactId) id).name().title(),
                (fx, t) -> fx.crm.contacts().ofAccount(fx.account()).size()));
        all.add(create("contacts.create tags", "tags", Kind.LINE, CustomerLimits.TAG,
                (fx, t, v) -> fx.crm.contacts().create(ContactDetails.of(fx.account(), "Grace", "Hopper", null)
                        .withTags(Set.of(s(v)))),
                (fx, t, id) -> fx.crm.contacts().get((ContactId) id).tags().stream().findFirst().orElse(null),
                (fx, t) -> fx.crm.contacts().ofAccount(fx.account()).size()));
        all.add(create("contacts.create roles", "roles", Kind.LINE, CustomerLimits.TAG,
                (fx, t, v) -> fx.crm.contacts().create(ContactDetails.of(fx.account(), "Grace", "Hopper", null)
                        .withRoles(Set.of(s(v)))),
                (fx, t, id) -> fx.crm.contacts().get((ContactId) id).roles().stream().findFirst().orElse(null),
                (fx, t) -> fx.crm.contacts().ofAccount(fx.account()).size()));
        all.add(write("contacts.update lastName", "lastName", Kind.LINE, CustomerLimits.PERSON_NAME,
                HostileFixture::contact, (fx, t, v) -> fx.crm.contacts().update(fx.crm.contacts().get((ContactId) t),
                        ContactDetails.of(fx.account(), "Grace", s(v), "grace@navy.example")).id(),
                (fx, t, id) -> fx.crm.contacts().get((ContactId) id).name().lastName(),
                (fx, t) -> fx.crm.contacts().get((ContactId) t).version()));
        all.add(create("customers.recordPurchase productName", "productName", Kind.LINE, CustomerLimits.PRODUCT,
                (fx, t, v) -> fx.crm.customers().recordPurchase(new NewPurchase(fx.account(), null, "ENG-1", s(v),
                        null, 1, TEN_EUR, Set.of(), null, null)),
                (fx, t, id) -> fx.crm.customers().purchases(fx.account()).stream().filter(p -> p.id().equals(id))
                        .findFirst().map(Purchase::productName).orElse(null),
                (fx, t) -> fx.crm.customers().purchases(fx.account()).size()));
        all.add(create("customers.recordPurchase specialInstructions", "specialInstructions", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.customers().recordPurchase(new NewPurchase(fx.account(), null, "ENG-1",
                        "Engine", null, 1, TEN_EUR, Set.of(), s(v), null)),
                (fx, t, id) -> fx.crm.customers().purchases(fx.account()).stream().filter(p -> p.id().equals(id))
                        .findFirst().map(Purchase::specialInstructions).orElse(null),
                (fx, t) -> fx.crm.customers().purchases(fx.account()).size()));
        all.add(create("customers.recordPurchase purchasedAt", "purchasedAt", Kind.TIME, 0,
                (fx, t, v) -> fx.crm.customers().recordPurchase(new NewPurchase(fx.account(), null, "ENG-1",
                        "Engine", t(v), 1, TEN_EUR, Set.of(), null, null)),
                (fx, t, id) -> fx.crm.customers().purchases(fx.account()).stream().filter(p -> p.id().equals(id))
                        .findFirst().map(Purchase::purchasedAt).orElse(null),
                (fx, t) -> fx.crm.customers().purchases(fx.account()).size()));
        all.add(create("customers.recordFeedback text", "text", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.customers().recordFeedback(NewFeedback.aboutPurchase(fx.purchase(), 4, s(v),
                        Channel.EMAIL)),
                (fx, t, id) -> fx.crm.customers().feedback(fx.account()).stream().filter(f -> f.id().equals(id))
                        .findFirst().map(Feedback::text).orElse(null),
                (fx, t) -> fx.crm.customers().feedback(fx.account()).size()));
        all.add(create("customers.recordFeedback receivedAt", "receivedAt", Kind.TIME, 0,
                (fx, t, v) -> fx.crm.customers().recordFeedback(new NewFeedback(null, null, fx.purchase(), 4,
                        "Fine", Channel.EMAIL, t(v))),
                (fx, t, id) -> fx.crm.customers().feedback(fx.account()).stream().filter(f -> f.id().equals(id))
                        .findFirst().map(Feedback::receivedAt).orElse(null),
                (fx, t) -> fx.crm.customers().feedback(fx.account()).size()));
    }

    private static void sales(List<Write> all) {
        all.add(create("opportunities.create name", "name", Kind.LINE, CustomerLimits.ACCOUNT_NAME,
                (fx, t, v) -> fx.crm.opportunities().create(dev.crmkit.core.sales.NewOpportunity.of(fx.account(),
                        s(v), Money.of("2000.00", "EUR"), LocalDate.of(2026, 3, 31))),
                (fx, t, id) -> fx.crm.opportunities().get((OpportunityId) id).name(),
                (fx, t) -> fx.crm.opportunities().ofAccount(fx.account()).size()));
        all.add(write("opportunities.closeLost reason", "reason", Kind.MULTI_LINE, 0,
                HostileFixture::newOpportunity, (fx, t, v) -> fx.crm.opportunities().closeLost((OpportunityId) t,
                        s(v)).id(),
                (fx, t, id) -> fx.crm.opportunities().get((OpportunityId) id).closeReason(),
                (fx, t) -> fx.crm.opportunities().get((OpportunityId) t).version()));
        all.add(create("products.create code", "code", Kind.LINE, SalesLimits.PRODUCT_CODE,
                (fx, t, v) -> fx.crm.products().create(ProductDetails.of(s(v), "Engine")),
                (fx, t, id) -> fx.crm.products().get((ProductId) id).code(),
                (fx, t) -> fx.crm.products().list(PAGE).total()).fresh().normalisedBy(UPPER));
        all.add(create("products.create name", "name", Kind.LINE, SalesLimits.PRODUCT_NAME,
                (fx, t, v) -> fx.crm.products().create(ProductDetails.of(fx.serial("P"), s(v))),
                (fx, t, id) -> fx.crm.products().get((ProductId) id).name(),
                (fx, t) -> fx.crm.products().list(PAGE).total()));
        all.add(create("products.create description", "description", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.products().create(ProductDetails.of(fx.serial("P"), "Engine")
                        .withDescription(s(v))),
                (fx, t, id) -> fx.crm.products().get((ProductId) id).description(),
                (fx, t) -> fx.crm.products().list(PAGE).total()));
        all.add(create("quotes.create notes", "notes", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.quotes().create(fx.opportunity(), QuoteDraft.of(List.of(
                        QuoteItem.of(fx.product(), 1))).withNotes(s(v))),
                (fx, t, id) -> fx.crm.quotes().get((QuoteId) id).terms().notes(),
                (fx, t) -> fx.crm.quotes().ofOpportunity(fx.opportunity()).size()));
        all.add(create("quotes.create line specialInstructions", "items[0].specialInstructions", Kind.MULTI_LINE,
                SalesLimits.SPECIAL_INSTRUCTIONS,
                (fx, t, v) -> fx.crm.quotes().create(fx.opportunity(), QuoteDraft.of(List.of(
                        QuoteItem.of(fx.product(), 1).withSpecialInstructions(s(v))))),
                (fx, t, id) -> fx.crm.quotes().get((QuoteId) id).pricing().lines().get(0).specialInstructions(),
                (fx, t) -> fx.crm.quotes().ofOpportunity(fx.opportunity()).size()));
        all.add(write("quotes.revise specialInstructions", "specialInstructions", Kind.MULTI_LINE,
                SalesLimits.SPECIAL_INSTRUCTIONS, HostileFixture::newQuote,
                (fx, t, v) -> fx.crm.quotes().revise(fx.crm.quotes().get((QuoteId) t), QuoteDraft.of(List.of(
                        QuoteItem.of(fx.product(), 1))).withSpecialInstructions(s(v))).id(),
                (fx, t, id) -> fx.crm.quotes().get((QuoteId) id).terms().specialInstructions(),
                (fx, t) -> fx.crm.quotes().get((QuoteId) t).version()));
        all.add(write("quotes.decline reason", "reason", Kind.MULTI_LINE, 0, HostileFixture::newSentQuote,
                (fx, t, v) -> fx.crm.quotes().decline((QuoteId) t, s(v)).id(),
                (fx, t, id) -> {
                    List<QuoteChange> h = fx.crm.quotes().get((QuoteId) id).history();
                    return h.get(h.size() - 1).detail();
                },
                (fx, t) -> fx.crm.quotes().get((QuoteId) t).version()));
        all.add(write("orders.cancel reason", "reason", Kind.MULTI_LINE, 0, HostileFixture::newOrder,
                (fx, t, v) -> fx.crm.orders().cancel((OrderId) t, s(v)).id(),
                (fx, t, id) -> {
                    var h = fx.crm.orders().get((OrderId) id).history();
                    return h.get(h.size() - 1).note();
                },
                (fx, t) -> fx.crm.orders().get((OrderId) t).version()));
    }

    private static void service(List<Write> all) {
        all.add(create("cases.open subject", "subject", Kind.LINE, 0,
                (fx, t, v) -> fx.crm.cases().open(dev.crmkit.core.service.NewCase.from(fx.contact(), Channel.EMAIL,
                        s(v))).id(),
                (fx, t, id) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) id).subject(),
                (fx, t) -> fx.crm.cases().ofContact(fx.contact()).size()));
        all.add(create("cases.open description", "description", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.cases().open(dev.crmkit.core.service.NewCase.from(fx.contact(), Channel.EMAIL,
                        "Engine stalls").withDescription(s(v))).id(),
                (fx, t, id) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) id).description(),
                (fx, t) -> fx.crm.cases().ofContact(fx.contact()).size()));
        all.add(create("cases.open productCode", "productCode", Kind.LINE, ServiceLimits.PRODUCT_CODE,
                (fx, t, v) -> fx.crm.cases().open(dev.crmkit.core.service.NewCase.from(fx.contact(), Channel.EMAIL,
                        "Engine stalls").about(null, s(v))).id(),
                (fx, t, id) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) id).regarding().productCode(),
                (fx, t) -> fx.crm.cases().ofContact(fx.contact()).size()));
        all.add(write("cases.comment text", "text", Kind.MULTI_LINE, 0, fx -> fx.newCase().id(),
                (fx, t, v) -> fx.crm.cases().comment((dev.crmkit.core.common.CaseId) t, s(v), false).id(),
                (fx, t, id) -> {
                    Case c = fx.crm.cases().get((dev.crmkit.core.common.CaseId) id);
                    return c.comments().isEmpty() ? null : c.comments().get(c.comments().size() - 1).text();
                },
                (fx, t) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) t).version()));
        all.add(write("cases.resolve resolution", "resolution", Kind.MULTI_LINE, 0, fx -> fx.newCase().id(),
                (fx, t, v) -> fx.crm.cases().resolve((dev.crmkit.core.common.CaseId) t, s(v)).id(),
                (fx, t, id) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) id).closure().resolution(),
                (fx, t) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) t).version()));
        all.add(write("cases.reopen reason", "reason", Kind.MULTI_LINE, 0, fx -> {
                    var id = fx.newCase().id();
                    fx.crm.cases().resolve(id, "Replaced the part");
                    return id;
                },
                (fx, t, v) -> fx.crm.cases().reopen((dev.crmkit.core.common.CaseId) t, s(v)).id(),
                (fx, t, id) -> lastHistory(fx.crm.cases().get((dev.crmkit.core.common.CaseId) id)),
                (fx, t) -> fx.crm.cases().get((dev.crmkit.core.common.CaseId) t).version())
                .normalisedBy(v -> STRIPPED.apply(v) == null ? "RESOLVED -> IN_PROGRESS"
                        : "RESOLVED -> IN_PROGRESS: " + STRIPPED.apply(v)));
        all.add(create("knowledge.create title", "title", Kind.LINE, 0,
                (fx, t, v) -> fx.crm.knowledge().create(new ArticleDraft(s(v), "Hold the button.", Set.of(),
                        Set.of("KB-HOSTILE"))).id(),
                (fx, t, id) -> fx.crm.knowledge().get((dev.crmkit.core.service.ArticleId) id).title(),
                (fx, t) -> fx.crm.knowledge().forProduct("KB-HOSTILE").size()));
        all.add(create("knowledge.create body", "body", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.knowledge().create(new ArticleDraft("Reset", s(v), Set.of(),
                        Set.of("KB-HOSTILE"))).id(),
                (fx, t, id) -> fx.crm.knowledge().get((dev.crmkit.core.service.ArticleId) id).body(),
                (fx, t) -> fx.crm.knowledge().forProduct("KB-HOSTILE").size()));
        all.add(create("knowledge.create tags", "tags", Kind.LINE, 0,
                (fx, t, v) -> fx.crm.knowledge().create(new ArticleDraft("Reset", "Hold the button.", Set.of(s(v)),
                        Set.of("KB-HOSTILE"))).id(),
                (fx, t, id) -> fx.crm.knowledge().get((dev.crmkit.core.service.ArticleId) id).tags().stream()
                        .findFirst().orElse(null),
                (fx, t) -> fx.crm.knowledge().forProduct("KB-HOSTILE").size()));
    }

    private static void tasks(List<Write> all) {
        all.add(create("tasks.create title", "title", Kind.LINE, TaskLimits.TASK_TITLE,
                (fx, t, v) -> fx.crm.tasks().create(NewTask.of(s(v))),
                (fx, t, id) -> fx.crm.tasks().get((dev.crmkit.core.common.TaskId) id).title(),
                (fx, t) -> fx.crm.tasks().myOpenTasks().size()));
        all.add(create("tasks.create description", "description", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.tasks().create(NewTask.of("Call back").withDescription(s(v))),
                (fx, t, id) -> fx.crm.tasks().get((dev.crmkit.core.common.TaskId) id).description(),
                (fx, t) -> fx.crm.tasks().myOpenTasks().size()));
        all.add(create("tasks.create due", "due", Kind.TIME, 0,
                (fx, t, v) -> fx.crm.tasks().create(NewTask.of("Call back").dueAt(t(v))),
                (fx, t, id) -> fx.crm.tasks().get((dev.crmkit.core.common.TaskId) id).due(),
                (fx, t) -> fx.crm.tasks().myOpenTasks().size()));
        all.add(write("tasks.reschedule due", "due", Kind.TIME, 0,
                fx -> fx.crm.tasks().create(NewTask.of("Call back").dueAt(HOUR_LATER)),
                (fx, t, v) -> fx.crm.tasks().reschedule((dev.crmkit.core.common.TaskId) t, t(v)).id(),
                (fx, t, id) -> fx.crm.tasks().get((dev.crmkit.core.common.TaskId) id).due(),
                (fx, t) -> fx.crm.tasks().get((dev.crmkit.core.common.TaskId) t).version()));
        all.add(create("calendar.schedule title", "title", Kind.LINE, TaskLimits.EVENT_TITLE,
                (fx, t, v) -> fx.crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING, s(v),
                        ContractSupport.START, HOUR_LATER)),
                (fx, t, id) -> fx.crm.calendar().get((dev.crmkit.core.common.CalendarEventId) id).title(),
                (fx, t) -> fx.crm.calendar().myCalendar(ContractSupport.START, HOUR_LATER).size()));
        all.add(create("calendar.schedule location", "location", Kind.LINE, TaskLimits.EVENT_LOCATION,
                (fx, t, v) -> fx.crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING, "Review",
                        ContractSupport.START, HOUR_LATER).at(s(v))),
                (fx, t, id) -> fx.crm.calendar().get((dev.crmkit.core.common.CalendarEventId) id).location(),
                (fx, t) -> fx.crm.calendar().myCalendar(ContractSupport.START, HOUR_LATER).size()));
        all.add(create("calendar.schedule end", "end", Kind.TIME, 0,
                (fx, t, v) -> fx.crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING, "Review",
                        Instant.parse("1900-01-01T00:00:00Z"), t(v))),
                (fx, t, id) -> fx.crm.calendar().get((dev.crmkit.core.common.CalendarEventId) id).end(),
                (fx, t) -> fx.crm.calendar().myCalendar(Instant.parse("1900-01-01T00:00:00Z"),
                        Instant.parse("1900-01-01T00:00:01Z")).size()));
    }

    private static void tracking(List<Write> all) {
        all.add(create("tracking.createCampaign name", "name", Kind.LINE, TrackingLimits.NAME,
                (fx, t, v) -> fx.crm.tracking().createCampaign(CampaignDetails.named(s(v), Channel.WEB)),
                (fx, t, id) -> fx.crm.tracking().campaign((dev.crmkit.core.common.CampaignId) id).orElseThrow()
                        .name(),
                (fx, t) -> fx.crm.tracking().campaigns().size()).fresh());
        all.add(create("tracking.createAd trackingCode", "trackingCode", Kind.LINE, TrackingLimits.TRACKING_CODE,
                (fx, t, v) -> fx.crm.tracking().createAd(new AdDetails(fx.campaign(), "Banner", s(v), null)),
                (fx, t, id) -> fx.crm.tracking().ad((dev.crmkit.core.common.AdId) id).orElseThrow().trackingCode(),
                (fx, t) -> fx.crm.tracking().ads(fx.campaign()).size()).fresh());
        all.add(create("tracking.createAd landingUrl", "landingUrl", Kind.LINE, TrackingLimits.LANDING_URL,
                (fx, t, v) -> fx.crm.tracking().createAd(new AdDetails(fx.campaign(), "Banner", fx.serial("AD"),
                        s(v))),
                (fx, t, id) -> fx.crm.tracking().ad((dev.crmkit.core.common.AdId) id).orElseThrow().landingUrl(),
                (fx, t) -> fx.crm.tracking().ads(fx.campaign()).size()));
        all.add(create("tracking.createAffiliate name", "name", Kind.LINE, TrackingLimits.NAME,
                (fx, t, v) -> fx.crm.tracking().createAffiliate(new AffiliateDetails(s(v), null, fx.serial("AF"))),
                (fx, t, id) -> fx.crm.tracking().affiliates().stream().filter(a -> a.id().equals(id)).findFirst()
                        .orElseThrow().name(),
                (fx, t) -> fx.crm.tracking().affiliates().size()));
        all.add(create("tracking.createAffiliate trackingCode", "trackingCode", Kind.LINE,
                TrackingLimits.TRACKING_CODE,
                (fx, t, v) -> fx.crm.tracking().createAffiliate(new AffiliateDetails("Blog", null, s(v))),
                (fx, t, id) -> fx.crm.tracking().affiliates().stream().filter(a -> a.id().equals(id)).findFirst()
                        .orElseThrow().trackingCode(),
                (fx, t) -> fx.crm.tracking().affiliates().size()).fresh());
        all.add(create("tracking.record AdClick externalEventId", "externalEventId", Kind.LINE,
                TrackingLimits.EXTERNAL_EVENT_ID,
                (fx, t, v) -> fx.crm.tracking().record(new AdClick(s(v), ContractSupport.START, "visitor-1",
                        fx.adCode(), null, null)) ? "visitor-1" : null,
                (fx, t, visitor) -> visitor == null ? null : fx.crm.tracking().touchpointsOfVisitor((String) visitor)
                        .get(0).externalEventId(),
                (fx, t) -> fx.crm.tracking().touchpointsOfVisitor("visitor-1").size()).fresh());
        all.add(create("tracking.record AdClick visitorId", "visitorId", Kind.LINE, TrackingLimits.VISITOR_ID,
                (fx, t, v) -> {
                    String event = fx.serial("click");
                    fx.crm.tracking().record(new AdClick(event, ContractSupport.START, s(v), fx.adCode(), null, null));
                    return Text.blankToNull(s(v));
                },
                (fx, t, visitor) -> {
                    List<Touchpoint> found = fx.crm.tracking().touchpointsOfVisitor((String) visitor);
                    return found.isEmpty() ? null : found.get(0).visitorId();
                },
                (fx, t) -> fx.crm.tracking().touchpointsOfVisitor("visitor-1").size()).fresh());
        all.add(create("tracking.record AdClick occurredAt", "occurredAt", Kind.TIME, 0,
                (fx, t, v) -> {
                    String visitor = fx.serial("visitor");
                    fx.crm.tracking().record(new AdClick(fx.serial("click"), t(v), visitor, fx.adCode(), null, null));
                    return visitor;
                },
                (fx, t, visitor) -> fx.crm.tracking().touchpointsOfVisitor((String) visitor).get(0).occurredAt(),
                (fx, t) -> fx.crm.tracking().touchpointsOfVisitor("visitor-1").size()));
        all.add(create("tracking.logCall outcome", "outcome", Kind.MULTI_LINE, TrackingLimits.OUTCOME,
                (fx, t, v) -> fx.crm.tracking().logCall(RepInteraction.withLead(fx.lead(), 60, s(v), "notes")),
                (fx, t, id) -> fx.crm.tracking().touchpoint((dev.crmkit.core.common.TouchpointId) id).orElseThrow()
                        .outcome(),
                (fx, t) -> fx.crm.tracking().touchpointsOfLead(fx.lead()).size()));
        all.add(create("tracking.logCall notes", "notes", Kind.MULTI_LINE, 0,
                (fx, t, v) -> fx.crm.tracking().logCall(RepInteraction.withLead(fx.lead(), 60, "Reached", s(v))),
                (fx, t, id) -> fx.crm.tracking().touchpoint((dev.crmkit.core.common.TouchpointId) id).orElseThrow()
                        .detail(),
                (fx, t) -> fx.crm.tracking().touchpointsOfLead(fx.lead()).size()));
        all.add(create("tracking.logCall occurredAt", "occurredAt", Kind.TIME, 0,
                (fx, t, v) -> fx.crm.tracking().logCall(new RepInteraction(fx.lead(), null, null, t(v), 60,
                        "Reached", null)),
                (fx, t, id) -> fx.crm.tracking().touchpoint((dev.crmkit.core.common.TouchpointId) id).orElseThrow()
                        .occurredAt(),
                (fx, t) -> fx.crm.tracking().touchpointsOfLead(fx.lead()).size()));
    }

    private static void segments(List<Write> all) {
        all.add(create("segments.create name", "name", Kind.LINE, SegmentLimits.NAME,
                (fx, t, v) -> fx.crm.segments().create(s(v), SegmentTarget.LEAD, Criteria.all()),
                (fx, t, id) -> fx.crm.segments().get((dev.crmkit.core.common.SegmentId) id).name(),
                (fx, t) -> fx.crm.segments().list().size()).fresh());
        all.add(create("segments.create criteria value", "criteria.values[0]", Kind.LINE, 0,
                (fx, t, v) -> fx.crm.segments().create(fx.serial("S"), SegmentTarget.LEAD,
                        Criteria.field("city").eq(s(v))),
                (fx, t, id) -> {
                    Criteria c = fx.crm.segments().get((dev.crmkit.core.common.SegmentId) id).criteria();
                    return ((Criteria.Condition) c).values().get(0);
                },
                (fx, t) -> fx.crm.segments().list().size()).normalisedBy(v -> v));
    }

    private static void numbers(List<Write> all) {
        all.add(write("opportunities.setProbability percent", "probability", Kind.NUMBER, 0,
                HostileFixture::opportunity, (fx, t, v) -> fx.crm.opportunities().setProbability((OpportunityId) t,
                        n(v)).id(),
                (fx, t, id) -> fx.crm.opportunities().get((OpportunityId) id).probability(),
                (fx, t) -> fx.crm.opportunities().get((OpportunityId) t).version()));
        all.add(create("customers.recordFeedback rating", "rating", Kind.NUMBER, 0,
                (fx, t, v) -> fx.crm.customers().recordFeedback(NewFeedback.aboutPurchase(fx.purchase(), n(v),
                        "Fine", Channel.EMAIL)),
                (fx, t, id) -> fx.crm.customers().feedback(fx.account()).stream().filter(f -> f.id().equals(id))
                        .findFirst().map(Feedback::rating).orElse(null),
                (fx, t) -> fx.crm.customers().feedback(fx.account()).size()));
        all.add(create("customers.recordPurchase quantity", "quantity", Kind.NUMBER, 0,
                (fx, t, v) -> fx.crm.customers().recordPurchase(new NewPurchase(fx.account(), null, "ENG-1",
                        "Engine", null, n(v), TEN_EUR, Set.of(), null, null)),
                (fx, t, id) -> fx.crm.customers().purchases(fx.account()).stream().filter(p -> p.id().equals(id))
                        .findFirst().map(Purchase::quantity).orElse(null),
                (fx, t) -> fx.crm.customers().purchases(fx.account()).size()));
        all.add(create("tracking.logCall durationSeconds", "durationSeconds", Kind.NUMBER, 0,
                (fx, t, v) -> fx.crm.tracking().logCall(RepInteraction.withLead(fx.lead(), n(v), "Reached", null)),
                (fx, t, id) -> fx.crm.tracking().touchpoint((dev.crmkit.core.common.TouchpointId) id).orElseThrow()
                        .durationSeconds(),
                (fx, t) -> fx.crm.tracking().touchpointsOfLead(fx.lead()).size()));
    }

    private static void filters(List<Write> all) {
        all.add(filter("segments.count criteria value", "criteria.values[0]",
                (fx, t, v) -> (int) fx.crm.segments().count(SegmentTarget.CONTACT, Criteria.field("city").eq(s(v)))));
        all.add(filter("segments.count tags contains", "criteria.values[0]",
                (fx, t, v) -> (int) fx.crm.segments().count(SegmentTarget.LEAD,
                        Criteria.field("tags").contains(s(v)))));
        all.add(filter("leads.search tag", "tag",
                (fx, t, v) -> size(fx.crm.leads().search(LeadQuery.all().withTag(s(v)), PAGE).items())));
        all.add(filter("leads.search country", "country",
                (fx, t, v) -> size(fx.crm.leads().search(LeadQuery.all().withCountry(s(v)), PAGE).items())));
        all.add(filter("accounts.findByName name", "name",
                (fx, t, v) -> size(fx.crm.accounts().findByName(s(v)))));
        all.add(filter("products.findByCode code", "code",
                (fx, t, v) -> fx.crm.products().findByCode(s(v)).isPresent() ? 1 : 0));
        all.add(filter("knowledge.search text", "text",
                (fx, t, v) -> size(fx.crm.knowledge().search(s(v), 10))));
        all.add(filter("knowledge.forProduct productCode", "productCode",
                (fx, t, v) -> size(fx.crm.knowledge().forProduct(s(v)))));
        all.add(filter("tracking.touchpointsOfVisitor visitorId", "visitorId",
                (fx, t, v) -> size(fx.crm.tracking().touchpointsOfVisitor(s(v)))));
        all.add(filter("cases.byTrackingNumber trackingNumber", "trackingNumber",
                (fx, t, v) -> fx.crm.cases().byTrackingNumber(s(v)).isPresent() ? 1 : 0));
        all.add(filter("quotes.findByNumber number", "number",
                (fx, t, v) -> fx.crm.quotes().findByNumber(s(v)).isPresent() ? 1 : 0));
    }
}
