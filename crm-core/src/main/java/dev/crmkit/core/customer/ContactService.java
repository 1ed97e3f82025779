package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Nearby;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.CustomerEvent.ContactSaved;
import dev.crmkit.core.sharing.Guard;
import dev.crmkit.core.sharing.OwnedRecords;
import dev.crmkit.core.sharing.Ownership;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Contacts, and finding and grouping people (leads and contacts) by stage, location, qualification and owner. */
public final class ContactService {
    static final String KIND = "Contact";
    static final Guard<ContactId, Contact> GUARD = new Guard<>(KIND,
            c -> new OwnedRecords.Owned(KIND, c.id(), c.owner(), c.account()));
    private final CrmContext<? extends CustomerTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ContactService(CrmContext<? extends CustomerTx> ctx) {
        this.ctx = ctx;
    }

    /** Creates a contact as a prospect; every invalid field is reported at once. */
    public ContactId create(ContactDetails details) {
        return save(null, details, null).id();
    }

    /** Creates a contact converted from {@code lead} (kept as its source lead); used by lead conversion. */
    public ContactId createFromLead(ContactDetails details, LeadId lead) {
        return save(null, details, Objects.requireNonNull(lead, "lead")).id();
    }

    /**
     * Replaces the details of the contact {@code read}, the record they were computed from; stage, source lead and
     * creation time stay. When it changed since, nothing is written and this is a {@code ConcurrentUpdateException}.
     */
    public Contact update(Contact read, ContactDetails details) {
        return save(Objects.requireNonNull(read, "read"), details, null);
    }

    /** As {@link #update(Contact, ContactDetails)}, for a caller that kept the id and the version it read. */
    public Contact update(ContactId id, long expectedVersion, ContactDetails details) {
        return save(Ref.of(id, expectedVersion), details, null);
    }

    /**
     * The contact these details would create, checked like {@link #create} (every invalid field at once) but not
     * stored: what an import's dry run shows, and what a duplicate check compares before anything is saved.
     */
    public Contact preview(ContactDetails details) {
        Validation.argument("details", details);
        Address address = Geocoder.located(ctx.setting(Geocoder.class, () -> null), details.address());
        return ctx.read(tx -> build(tx, null, null, details, address, null));
    }

    /** Creates ({@code ref} null) or replaces the contact {@code ref}. */
    private Contact save(@Nullable Ref<ContactId> ref, ContactDetails d, @Nullable LeadId sourceLead) {
        Validation.argument("details", d);
        Address address = Geocoder.located(ctx.setting(Geocoder.class, () -> null), d.address());
        return ctx.write(tx -> {
            Contact old = ref == null ? null : GUARD.current(ctx, tx, tx.contacts(), ref);
            Contact saved = tx.contacts().save(build(tx, old, ref == null ? null : ref.id(), d, address,
                    sourceLead));
            ctx.raise(new ContactSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** The contact {@code d} describes (replacing {@code old} when given), or every invalid field at once. */
    private Contact build(CustomerTx tx, @Nullable Contact old, @Nullable ContactId id, ContactDetails d,
                          @Nullable Address address,
                          @Nullable LeadId sourceLead) {
        Validation v = new Validation();
        String first = Text.blankToNull(d.firstName());
        String last = v.requireText("lastName", d.lastName());
        String title = Text.blankToNull(d.title());
        v.maxLength("firstName", first, CustomerLimits.PERSON_NAME);
        v.maxLength("lastName", last, CustomerLimits.PERSON_NAME);
        v.maxLength("title", title, CustomerLimits.PERSON_NAME);
        Set<String> tags = Labels.clean(d.tags());
        v.maxLengthEach("tags", tags, CustomerLimits.TAG);
        v.maxLengthEach("roles", Labels.clean(d.roles()), CustomerLimits.TAG);
        if (d.account() != null && (old == null || !d.account().equals(old.account()))) {
            v.check(AccountService.seen(ctx, tx, d.account()), "account", "no such account: " + d.account());
        }
        String emailText = Text.blankToNull(d.email());
        EmailAddress email = emailText == null ? null : v.attempt("email", () -> EmailAddress.of(emailText));
        String phoneText = Text.blankToNull(d.phone());
        PhoneNumber phone = phoneText == null ? null : v.attempt("phone",
                () -> PhoneNumber.parse(phoneText, ctx.setting(PhoneRegions.class, PhoneRegions::none)
                        .regionFor(ctx.actor().tenant(), address == null ? null : address.country())));
        AgeBand ageBand = ageBand(d, v);
        v.throwIfInvalid();
        return new Contact(id == null ? ContactId.of(ctx.newId()) : id,
                old == null ? 0 : old.version(), d.account(), new ContactName(first, Validation.checked(last), title),
                new ContactPoints(email, phone, address), new Demographics(d.birthDate(), ageBand, d.gender()),
                Labels.clean(d.roles()), d.keyDecisionMaker(), old == null ? LifecycleStage.PROSPECT : old.stage(),
                Ownership.afterEdit(ctx, old != null, old == null ? null : old.owner(), d.owner(),
                        "contact"), d.consent() == null ? Consent.NONE : d.consent(),
                old == null ? sourceLead : old.sourceLead(), tags, old == null ? ctx.now() : old.createdAt(),
                ctx.now());
    }

    private @Nullable AgeBand ageBand(ContactDetails d, Validation v) {
        if (d.birthDate() == null) {
            return d.ageBand();
        }
        LocalDate today = LocalDate.ofInstant(ctx.now(), ctx.clock().getZone());
        if (!v.check(!d.birthDate().isAfter(today), "birthDate", "must not be in the future")) {
            return null;
        }
        AgeBand computed = AgeBand.of(d.birthDate(), today);
        v.check(d.ageBand() == null || d.ageBand() == computed, "ageBand",
                "contradicts the birth date (" + computed + ")");
        return computed;
    }

    /** The contact, or {@code NotFoundException} (also for a contact the caller may not see, see {@code sharing}). */
    public Contact get(ContactId id) {
        return ctx.read(tx -> GUARD.get(ctx, tx, tx.contacts(), id));
    }

    /** {@code contacts} without those the actor of {@code ctx} does not see, in their order. */
    public static List<Contact> seen(CrmContext<?> ctx, CustomerTx tx, List<Contact> contacts) {
        return GUARD.seen(ctx, tx, contacts);
    }

    /** The contact, when the actor of {@code ctx} sees it; else the {@code NotFoundException} of a missing one. */
    public static Contact visible(CrmContext<?> ctx, CustomerTx tx, ContactId contact) {
        return GUARD.get(ctx, tx, tx.contacts(), contact);
    }

    /** Whether the actor of {@code ctx} sees a contact read already; the visibility is worked out once. */
    public static Predicate<Contact> seenBy(CrmContext<?> ctx, CustomerTx tx) {
        return GUARD.seenBy(ctx, tx);
    }

    /** Whether {@code contact} exists and the actor of {@code ctx} sees it. */
    public static boolean seen(CrmContext<?> ctx, CustomerTx tx, ContactId contact) {
        return tx.contacts().find(contact).filter(c -> GUARD.sees(ctx, tx, c)).isPresent();
    }

    /**
     * Marks ({@code true}) or unmarks the contact as a key decision maker of their account. Pass the record you read
     * to refuse a stale change ({@code ConcurrentUpdateException}).
     */
    public Contact markKeyDecisionMaker(Ref<ContactId> id, boolean keyDecisionMaker) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Contact c = GUARD.current(ctx, tx, tx.contacts(), id);
            if (c.keyDecisionMaker() == keyDecisionMaker) {
                return c;
            }
            Contact saved = tx.contacts().save(c.withKeyDecisionMaker(keyDecisionMaker, ctx.now()));
            ctx.raise(new ContactSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** The account's contacts the caller sees, oldest first. */
    public List<Contact> ofAccount(AccountId account) {
        return ctx.read(tx -> seen(ctx, tx, tx.contacts().findByAccount(account)));
    }

    /** The account's key decision makers the caller sees, oldest first. */
    public List<Contact> keyDecisionMakers(AccountId account) {
        return ctx.read(tx -> seen(ctx, tx, tx.contacts().findByAccount(account).stream()
                .filter(Contact::keyDecisionMaker).toList()));
    }

    /** Contacts matching {@code query} that the caller sees, oldest first. */
    public Page<Contact> search(ContactQuery query, PageRequest page) {
        return ctx.read(tx -> tx.contacts().search(query, GUARD.visibility(ctx, tx), page));
    }

    /**
     * Contacts whose address lies within {@code radiusKm} of {@code center}, nearest first (ties by id), at most
     * {@code limit}; bad input as in {@code LeadService.near}.
     */
    public List<Nearby<Contact>> near(GeoPoint center, double radiusKm, int limit) {
        GeoSearch.check(center, radiusKm, limit);
        return ctx.read(tx -> GeoSearch.nearest(
                seen(ctx, tx, tx.contacts().findWithin(GeoBox.around(center, radiusKm))),
                c -> GeoSearch.of(c.points().address()), Contact::id, center, radiusKm, limit));
    }

    /**
     * People — leads and contacts together, those the caller sees — matching {@code query}: the leads first, then
     * the contacts, each oldest first. An unknown qualification is a {@code ValidationException}.
     */
    public Page<Person> people(PeopleQuery query, PageRequest page) {
        return ctx.read(tx -> tx.peopleDirectory().page(ctx, query, page));
    }

    /** How many people match {@code query}, per value of {@code field} (people without a value under {@code ""}). */
    public Map<String, Long> countPeople(PeopleQuery query, GroupField field) {
        return ctx.read(tx -> tx.peopleDirectory().countBy(ctx, query, field));
    }
}
