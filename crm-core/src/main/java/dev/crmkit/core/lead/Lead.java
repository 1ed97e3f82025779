package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person who may become a customer. Immutable: every change returns a new lead; status changes go through the
 * {@link LeadStatus} state machine.
 *
 * @param unverifiedPhone a phone number an import gave that could not be verified, kept as entered (then
 *                     {@code phone} is null); matching compares its digits
 * @param birthDate    date of birth, when known (duplicate matching compares it)
 * @param nameKey      matching key for fuzzy duplicate search (derived; see {@code LeadKeys})
 * @param visitorIds   anonymous web visitor ids linked to this lead (their clicks count for it)
 * @param customFields extra form fields the mapping kept verbatim
 */
public record Lead(
        LeadId id,
        long version,
        String firstName,
        String lastName,
        String company,
        String title,
        EmailAddress email,
        PhoneNumber phone,
        String unverifiedPhone,
        Address address,
        LocalDate birthDate,
        LeadSource source,
        Attribution attribution,
        Consent consent,
        LeadStatus status,
        String unqualifiedReason,
        int score,
        UserId owner,
        boolean spam,
        List<DuplicateMatch> duplicates,
        Set<String> visitorIds,
        Set<String> tags,
        Map<String, String> customFields,
        String nameKey,
        LeadId mergedInto,
        AccountId convertedAccount,
        ContactId convertedContact,
        Instant createdAt,
        Instant updatedAt,
        List<LeadHistoryEntry> history) implements Versioned<LeadId, Lead> {

    /**
     * Checks each field and the rules that tie fields together, so that no lead breaking them can exist: a CONVERTED
     * lead names the account and contact it became (and only it does), a MERGED lead names its survivor (another
     * lead) and keeps no visitors, only an UNQUALIFIED lead has a disqualification reason, a lead has a name,
     * spam scores nothing, and time runs forward. A breach is an
     * {@code IllegalArgumentException}: no input reaches it, only a programming error or a corrupted row.
     */
    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        attribution = attribution == null ? Attribution.NONE : attribution;
        consent = consent == null ? Consent.NONE : consent;
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
        visitorIds = visitorIds == null ? Set.of() : Set.copyOf(visitorIds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        history = history == null ? List.of() : List.copyOf(history);
        require(version >= 0, id, "its version is negative");
        require(!updatedAt.isBefore(createdAt), id, "it was updated before it was created");
        require(firstName != null || lastName != null, id, "it has no name");
        require((status == LeadStatus.CONVERTED) == (convertedAccount != null && convertedContact != null)
                        && (convertedAccount == null) == (convertedContact == null), id,
                "a lead names the account and contact it became exactly when it is CONVERTED");
        require((status == LeadStatus.MERGED) == (mergedInto != null), id,
                "a lead names the lead it merged into exactly when it is MERGED");
        require(!id.equals(mergedInto), id, "it is merged into itself");
        require(status != LeadStatus.MERGED || visitorIds.isEmpty(), id, "a MERGED lead keeps visitors");
        require(unqualifiedReason == null || status == LeadStatus.UNQUALIFIED, id,
                "only an UNQUALIFIED lead has a disqualification reason");
        require(score >= 0 && (!spam || score == 0), id, "its score is negative, or it is spam with a score");
    }

    private static void require(boolean rule, LeadId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("lead " + id + " breaks a rule: " + breach);
        }
    }

    /** A lead without a birth date or an unverified phone (the shape before duplicate matching kept them). */
    public Lead(LeadId id, long version, String firstName, String lastName, String company, String title,
                EmailAddress email, PhoneNumber phone, Address address, LeadSource source, Attribution attribution,
                Consent consent, LeadStatus status, String unqualifiedReason, int score, UserId owner, boolean spam,
                List<DuplicateMatch> duplicates, Set<String> visitorIds, Set<String> tags,
                Map<String, String> customFields, String nameKey, LeadId mergedInto, AccountId convertedAccount,
                ContactId convertedContact, Instant createdAt, Instant updatedAt, List<LeadHistoryEntry> history) {
        this(id, version, firstName, lastName, company, title, email, phone, null, address, null, source, attribution,
                consent, status, unqualifiedReason, score, owner, spam, duplicates, visitorIds, tags, customFields,
                nameKey, mergedInto, convertedAccount, convertedContact, createdAt, updatedAt, history);
    }

    /** A copy knowing the anonymous web visitors {@code ids} (visitor linking), changed at {@code at}. */
    public Lead withVisitorIds(Set<String> ids, Instant at) {
        Edit e = edit();
        e.visitorIds = new LinkedHashSet<>(ids);
        e.updatedAt = at;
        return e.build();
    }

    /** A new lead from checked input: status NEW, version 0, nobody's yet, captured at {@code at}. */
    static Lead captured(LeadId id, LeadInput.Fields f, boolean spam, Instant at) {
        return new Lead(id, 0, f.firstName(), f.lastName(), f.company(), f.title(), f.email(), f.phone(),
                f.unverifiedPhone(), f.address(), f.birthDate(), f.source(), f.attribution(), f.consent(),
                LeadStatus.NEW, null, 0, f.owner(), spam, List.of(), spam ? Set.of() : f.visitorIds(), f.tags(),
                f.customFields(), MatchKeys.person(f.firstName(), f.lastName()), null, null, null, at, at, List.of());
    }

    /** This new lead with its attribution, the possible duplicates found for it and its first owner. */
    Lead onCapture(Attribution attributed, List<DuplicateMatch> found, UserId firstOwner) {
        Edit e = edit();
        e.attribution = attributed;
        e.duplicates = new ArrayList<>(found);
        e.owner = firstOwner;
        return e.build();
    }

    /** This lead with a line in its history, changed at {@code at}. */
    Lead logged(Instant at, UserId by, String action, String detail) {
        return edit().log(at, by, action, detail);
    }

    /** This lead scored {@code points} at {@code at} (a spam lead scores nothing). */
    Lead scored(int points, Instant at) {
        Edit e = edit();
        e.score = spam ? 0 : points;
        e.updatedAt = at;
        return e.build();
    }

    /** This lead owned by {@code newOwner}, with a history line. */
    Lead assignTo(UserId newOwner, Instant at, UserId by) {
        Edit e = edit();
        e.owner = newOwner;
        return e.log(at, by, "ASSIGNED", (owner == null ? "nobody" : owner) + " -> " + newOwner);
    }

    /** This lead with {@code tag} added, with a history line. */
    Lead tag(String tag, Instant at, UserId by) {
        Edit e = edit();
        e.tags.add(tag);
        return e.log(at, by, "TAGGED", tag);
    }

    /**
     * A copy in status {@code to}, with a history line; throws {@code IllegalTransitionException} when the
     * {@link LeadStatus} machine does not allow the move. Conversion and merging name what the lead became, so they
     * go through {@link #convert} and {@link #retire}.
     */
    Lead moveTo(LeadStatus to, String reason, Instant at, UserId by) {
        if (to == LeadStatus.CONVERTED || to == LeadStatus.MERGED) {
            throw new IllegalArgumentException("a lead is converted by convert() and merged by retire()");
        }
        return moved(to, reason, at, by).build();
    }

    private Edit moved(LeadStatus to, String reason, Instant at, UserId by) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException("Lead", status, to);
        }
        Edit e = edit();
        e.status = to;
        e.unqualifiedReason = to == LeadStatus.UNQUALIFIED ? reason : null;
        e.note(at, by, "STATUS", status + " -> " + to + (reason == null ? "" : ": " + reason));
        return e;
    }

    /** This lead CONVERTED into {@code account} and {@code contact} (and {@code opportunity}, if any). */
    Lead convert(AccountId account, ContactId contact, OpportunityId opportunity, Instant at, UserId by) {
        Edit e = moved(LeadStatus.CONVERTED, null, at, by);
        e.convertedAccount = account;
        e.convertedContact = contact;
        return e.log(at, by, "CONVERTED", "account " + account + ", contact " + contact
                + (opportunity == null ? "" : ", opportunity " + opportunity));
    }

    /** This lead MERGED into {@code survivor}: its visitors go to the survivor. */
    Lead retire(LeadId survivor, Instant at, UserId by) {
        Edit e = moved(LeadStatus.MERGED, null, at, by);
        e.mergedInto = survivor;
        e.visitorIds.clear();
        return e.log(at, by, "MERGED", "into lead " + survivor);
    }

    /**
     * This lead with {@code gone}'s values where it has none, both histories, and no match on {@code gone}: the
     * survivor of a merge.
     */
    Lead absorb(Lead gone, Instant at, UserId by) {
        Edit e = edit();
        e.firstName = first(firstName, gone.firstName);
        e.lastName = first(lastName, gone.lastName);
        e.company = first(company, gone.company);
        e.title = first(title, gone.title);
        e.email = first(email, gone.email);
        e.phone = first(phone, gone.phone);
        e.unverifiedPhone = e.phone != null ? null : first(unverifiedPhone, gone.unverifiedPhone);
        e.address = first(address, gone.address);
        e.birthDate = first(birthDate, gone.birthDate);
        e.owner = first(owner, gone.owner);
        e.attribution = attribution.isEmpty() ? gone.attribution : attribution;
        // The most restrictive of the two: a refusal on either record may be the person's latest word, and a merge
        // must never widen what they agreed to.
        e.consent = consent.and(gone.consent);
        e.visitorIds.addAll(gone.visitorIds);
        e.tags.addAll(gone.tags);
        gone.customFields.forEach((k, v) -> {
            if (e.customFields.size() < LeadLimits.CUSTOM_FIELDS) {
                e.customFields.putIfAbsent(k, v); // the survivor's own first; a merge never leaves the limits
            }
        });
        UUID goneId = gone.id.value();
        e.duplicates.removeIf(m -> m.id().equals(goneId));
        gone.duplicates.stream()
                .filter(m -> !m.id().equals(id.value()))
                .filter(m -> e.duplicates.stream().noneMatch(x -> x.id().equals(m.id())))
                .forEach(e.duplicates::add);
        e.nameKey = MatchKeys.person(e.firstName, e.lastName);
        e.history.addAll(gone.history);
        e.history.sort(LeadService.HISTORY_ORDER);
        return e.log(at, by, "MERGED", "absorbed lead " + gone.id);
    }

    /**
     * This lead with its empty fields taken from {@code in} (an import's "update empty fields"), with a history
     * line naming them; this very lead when none was empty. Consent, tags, owner and status stay.
     */
    Lead filledFrom(LeadInput.Fields in, Instant at, UserId by) {
        Edit e = edit();
        List<String> filled = new ArrayList<>();
        e.firstName = fill(firstName, in.firstName(), "firstName", filled);
        e.lastName = fill(lastName, in.lastName(), "lastName", filled);
        e.company = fill(company, in.company(), "company", filled);
        e.title = fill(title, in.title(), "title", filled);
        e.email = fill(email, in.email(), "email", filled);
        if (phone == null && unverifiedPhone == null) {
            e.phone = fill(null, in.phone(), "phone", filled);
            e.unverifiedPhone = e.phone != null ? null : fill(null, in.unverifiedPhone(), "phone", filled);
        }
        e.address = fill(address, in.address(), "address", filled);
        e.birthDate = fill(birthDate, in.birthDate(), "birthDate", filled);
        in.customFields().forEach((k, v) -> {
            if (e.customFields.size() < LeadLimits.CUSTOM_FIELDS && e.customFields.putIfAbsent(k, v) == null) {
                filled.add("customFields." + k);
            }
        });
        if (filled.isEmpty()) {
            return this;
        }
        e.nameKey = MatchKeys.person(e.firstName, e.lastName);
        return e.log(at, by, "UPDATED", "filled " + String.join(", ", filled));
    }

    private static <T> T fill(T current, T offered, String field, List<String> filled) {
        if (current != null || offered == null) {
            return current;
        }
        filled.add(field);
        return offered;
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    @Override
    public Lead withVersion(long newVersion) {
        Edit e = edit();
        e.version = newVersion;
        return e.build();
    }

    private Edit edit() {
        return new Edit(this);
    }

    /** The one place a lead's fields change: a mutable copy for a multi-field change, checked again by build(). */
    private static final class Edit {
        private final Lead l;
        long version;
        String firstName;
        String lastName;
        String company;
        String title;
        EmailAddress email;
        PhoneNumber phone;
        String unverifiedPhone;
        Address address;
        LocalDate birthDate;
        Attribution attribution;
        Consent consent;
        LeadStatus status;
        String unqualifiedReason;
        int score;
        UserId owner;
        List<DuplicateMatch> duplicates;
        Set<String> visitorIds;
        Set<String> tags;
        Map<String, String> customFields;
        String nameKey;
        LeadId mergedInto;
        AccountId convertedAccount;
        ContactId convertedContact;
        Instant updatedAt;
        final List<LeadHistoryEntry> history;

        Edit(Lead l) {
            this.l = l;
            version = l.version;
            firstName = l.firstName;
            lastName = l.lastName;
            company = l.company;
            title = l.title;
            email = l.email;
            phone = l.phone;
            unverifiedPhone = l.unverifiedPhone;
            address = l.address;
            birthDate = l.birthDate;
            attribution = l.attribution;
            consent = l.consent;
            status = l.status;
            unqualifiedReason = l.unqualifiedReason;
            score = l.score;
            owner = l.owner;
            duplicates = new ArrayList<>(l.duplicates);
            visitorIds = new LinkedHashSet<>(l.visitorIds);
            tags = new LinkedHashSet<>(l.tags);
            customFields = new LinkedHashMap<>(l.customFields);
            nameKey = l.nameKey;
            mergedInto = l.mergedInto;
            convertedAccount = l.convertedAccount;
            convertedContact = l.convertedContact;
            updatedAt = l.updatedAt;
            history = new ArrayList<>(l.history);
        }

        /** Adds a history line; the lead is checked only once the change is whole ({@link #build}). */
        void note(Instant at, UserId by, String action, String detail) {
            history.add(new LeadHistoryEntry(at, by, action, detail));
            updatedAt = at;
        }

        Lead log(Instant at, UserId by, String action, String detail) {
            note(at, by, action, detail);
            return build();
        }

        Lead build() {
            return new Lead(l.id, version, firstName, lastName, company, title, email, phone, unverifiedPhone,
                    address, birthDate, l.source, attribution, consent, status, unqualifiedReason, score, owner,
                    l.spam, duplicates, visitorIds, tags, customFields, nameKey, mergedInto, convertedAccount,
                    convertedContact, l.createdAt, updatedAt, history);
        }
    }
}
