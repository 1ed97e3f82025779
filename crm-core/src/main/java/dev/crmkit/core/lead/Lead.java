package dev.crmkit.core.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
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
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A person who may become a customer. Immutable: every change returns a new lead; status changes go through the
 * {@link LeadStatus} state machine.
 *
 * @param identity     who the lead is: name, company, title, date of birth
 * @param reach        how to reach them: email, phone, postal address
 * @param origin       the channel that captured the lead and the campaign, ad and affiliate credited for it
 * @param outcome      how the lead ended (disqualified, merged, converted); {@link Outcome#NONE} while open
 * @param visitorIds   anonymous web visitor ids linked to this lead (their clicks count for it)
 * @param customFields extra form fields the mapping kept verbatim
 */
// Unwrapped: events, webhooks and personal-data exports keep the flat JSON a lead has always had, so outbox rows
// written before the grouping still read, and webhook consumers see no change.
public record Lead(
        LeadId id,
        long version,
        @JsonUnwrapped Identity identity,
        @JsonUnwrapped Reach reach,
        @JsonUnwrapped Origin origin,
        Consent consent,
        LeadStatus status,
        @JsonUnwrapped Outcome outcome,
        int score,
        boolean spam,
        @Nullable UserId owner,
        List<DuplicateMatch> duplicates,
        Set<String> visitorIds,
        Set<String> tags,
        Map<String, String> customFields,
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
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        reach = reach == null ? Reach.NONE : reach;
        consent = consent == null ? Consent.NONE : consent;
        outcome = outcome == null ? Outcome.NONE : outcome;
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
        visitorIds = visitorIds == null ? Set.of() : Set.copyOf(visitorIds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        history = history == null ? List.of() : List.copyOf(history);
        require(version >= 0, id, "its version is negative");
        require(!updatedAt.isBefore(createdAt), id, "it was updated before it was created");
        require(identity.firstName() != null || identity.lastName() != null, id, "it has no name");
        AccountId account = outcome.convertedAccount();
        ContactId contact = outcome.convertedContact();
        require((status == LeadStatus.CONVERTED) == (account != null && contact != null)
                        && (account == null) == (contact == null), id,
                "a lead names the account and contact it became exactly when it is CONVERTED");
        require((status == LeadStatus.MERGED) == (outcome.mergedInto() != null), id,
                "a lead names the lead it merged into exactly when it is MERGED");
        require(!id.equals(outcome.mergedInto()), id, "it is merged into itself");
        require(status != LeadStatus.MERGED || visitorIds.isEmpty(), id, "a MERGED lead keeps visitors");
        require(outcome.unqualifiedReason() == null || status == LeadStatus.UNQUALIFIED, id,
                "only an UNQUALIFIED lead has a disqualification reason");
        require(score >= 0 && (!spam || score == 0), id, "its score is negative, or it is spam with a score");
    }

    private static void require(boolean rule, LeadId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("lead " + id + " breaks a rule: " + breach);
        }
    }

    /**
     * This lead with the consent flags {@code flags}, as the consent records now say, with a history line naming the
     * purpose changed.
     */
    public Lead withConsent(Consent flags, String change, Instant at, UserId by) {
        Edit e = edit();
        e.consent = flags;
        return e.log(at, by, "CONSENT", change);
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
        return new Lead(id, 0, new Identity(f.firstName(), f.lastName(), f.company(), f.title(), f.birthDate()),
                new Reach(f.email(), f.phone(), f.unverifiedPhone(), f.address()),
                new Origin(f.source(), f.attribution()), f.consent(), LeadStatus.NEW, Outcome.NONE, 0, spam,
                f.owner(), List.of(), spam ? Set.of() : f.visitorIds(), f.tags(), f.customFields(), at, at,
                List.of());
    }

    /** This new lead with its attribution, the possible duplicates found for it and its first owner. */
    Lead onCapture(Attribution attributed, List<DuplicateMatch> found, @Nullable UserId firstOwner) {
        Edit e = edit();
        e.attribution = attributed;
        e.duplicates = new ArrayList<>(found);
        e.owner = firstOwner;
        return e.build();
    }

    /** This new lead with the first owner the assignment rules gave it when it was stored. */
    Lead firstOwner(UserId owner) {
        Edit e = edit();
        e.owner = owner;
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
    Lead moveTo(LeadStatus to, @Nullable String reason, Instant at, UserId by) {
        if (to == LeadStatus.CONVERTED || to == LeadStatus.MERGED) {
            throw new IllegalArgumentException("a lead is converted by convert() and merged by retire()");
        }
        return moved(to, reason, at, by).build();
    }

    private Edit moved(LeadStatus to, @Nullable String reason, Instant at, UserId by) {
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
    Lead convert(AccountId account, ContactId contact, @Nullable OpportunityId opportunity, Instant at, UserId by) {
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
        Edit g = gone.edit();
        e.firstName = first(e.firstName, g.firstName);
        e.lastName = first(e.lastName, g.lastName);
        e.company = first(e.company, g.company);
        e.title = first(e.title, g.title);
        e.email = first(e.email, g.email);
        e.phone = first(e.phone, g.phone);
        e.unverifiedPhone = e.phone != null ? null : first(e.unverifiedPhone, g.unverifiedPhone);
        e.address = first(e.address, g.address);
        e.birthDate = first(e.birthDate, g.birthDate);
        e.owner = first(owner, gone.owner);
        e.attribution = e.attribution.isEmpty() ? g.attribution : e.attribution;
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
        e.history.addAll(gone.history);
        e.history.sort(LeadService.HISTORY_ORDER);
        return e.log(at, by, "MERGED", "absorbed lead " + gone.id);
    }

    /** This lead with only the duplicate matches {@code keep} accepts: a view for a reader, never stored. */
    Lead withDuplicatesOnly(Predicate<DuplicateMatch> keep) {
        if (duplicates.stream().allMatch(keep)) {
            return this;
        }
        Edit e = edit();
        e.duplicates.removeIf(keep.negate());
        return e.build();
    }

    /**
     * This lead with its empty fields taken from {@code in} (an import's "update empty fields"), with a history
     * line naming them; this very lead when none was empty. Consent, tags, owner and status stay.
     */
    Lead filledFrom(LeadInput.Fields in, Instant at, UserId by) {
        Edit e = edit();
        List<String> filled = new ArrayList<>();
        e.firstName = fill(e.firstName, in.firstName(), "firstName", filled);
        e.lastName = fill(e.lastName, in.lastName(), "lastName", filled);
        e.company = fill(e.company, in.company(), "company", filled);
        e.title = fill(e.title, in.title(), "title", filled);
        e.email = fill(e.email, in.email(), "email", filled);
        if (e.phone == null && e.unverifiedPhone == null) {
            e.phone = fill(null, in.phone(), "phone", filled);
            e.unverifiedPhone = e.phone != null ? null : fill(null, in.unverifiedPhone(), "phone", filled);
        }
        e.address = fill(e.address, in.address(), "address", filled);
        e.birthDate = fill(e.birthDate, in.birthDate(), "birthDate", filled);
        in.customFields().forEach((k, v) -> {
            if (e.customFields.size() < LeadLimits.CUSTOM_FIELDS && e.customFields.putIfAbsent(k, v) == null) {
                filled.add("customFields." + k);
            }
        });
        if (filled.isEmpty()) {
            return this;
        }
        return e.log(at, by, "UPDATED", "filled " + String.join(", ", filled));
    }

    private static <T> @Nullable T fill(@Nullable T current, @Nullable T offered, String field, List<String> filled) {
        if (current != null || offered == null) {
            return current;
        }
        filled.add(field);
        return offered;
    }

    private static <T> @Nullable T first(@Nullable T preferred, @Nullable T fallback) {
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
        @Nullable String firstName;
        @Nullable String lastName;
        @Nullable String company;
        @Nullable String title;
        @Nullable EmailAddress email;
        @Nullable PhoneNumber phone;
        @Nullable String unverifiedPhone;
        @Nullable Address address;
        @Nullable LocalDate birthDate;
        Attribution attribution;
        Consent consent;
        LeadStatus status;
        @Nullable String unqualifiedReason;
        int score;
        @Nullable UserId owner;
        List<DuplicateMatch> duplicates;
        Set<String> visitorIds;
        Set<String> tags;
        Map<String, String> customFields;
        @Nullable LeadId mergedInto;
        @Nullable AccountId convertedAccount;
        @Nullable ContactId convertedContact;
        Instant updatedAt;
        final List<LeadHistoryEntry> history;

        Edit(Lead l) {
            this.l = l;
            version = l.version;
            firstName = l.identity.firstName();
            lastName = l.identity.lastName();
            company = l.identity.company();
            title = l.identity.title();
            birthDate = l.identity.birthDate();
            email = l.reach.email();
            phone = l.reach.phone();
            unverifiedPhone = l.reach.unverifiedPhone();
            address = l.reach.address();
            attribution = l.origin.attribution();
            consent = l.consent;
            status = l.status;
            unqualifiedReason = l.outcome.unqualifiedReason();
            mergedInto = l.outcome.mergedInto();
            convertedAccount = l.outcome.convertedAccount();
            convertedContact = l.outcome.convertedContact();
            score = l.score;
            owner = l.owner;
            duplicates = new ArrayList<>(l.duplicates);
            visitorIds = new LinkedHashSet<>(l.visitorIds);
            tags = new LinkedHashSet<>(l.tags);
            customFields = new LinkedHashMap<>(l.customFields);
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
            return new Lead(l.id, version, new Identity(firstName, lastName, company, title, birthDate),
                    new Reach(email, phone, unverifiedPhone, address), new Origin(l.origin.source(), attribution),
                    consent, status, new Outcome(unqualifiedReason, mergedInto, convertedAccount, convertedContact),
                    score, l.spam, owner, duplicates, visitorIds, tags, customFields, l.createdAt, updatedAt, history);
        }
    }
}
