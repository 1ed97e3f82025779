package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
        LeadDraft d = LeadDraft.from(this);
        d.visitorIds = new LinkedHashSet<>(ids);
        d.updatedAt = at;
        return d.build();
    }

    /**
     * A copy in status {@code to}, with a history line; throws {@code IllegalTransitionException} when the
     * {@link LeadStatus} machine does not allow the move.
     */
    Lead moveTo(LeadStatus to, String reason, Instant at, UserId by) {
        if (!status.canMoveTo(to)) {
            throw new IllegalTransitionException("Lead", status, to);
        }
        LeadDraft d = LeadDraft.from(this);
        d.status = to;
        d.unqualifiedReason = to == LeadStatus.UNQUALIFIED ? reason : null;
        return d.log(at, by, "STATUS", status + " -> " + to + (reason == null ? "" : ": " + reason)).build();
    }

    @Override
    public Lead withVersion(long newVersion) {
        return new Lead(id, newVersion, firstName, lastName, company, title, email, phone, unverifiedPhone, address,
                birthDate, source, attribution, consent, status, unqualifiedReason, score, owner, spam, duplicates,
                visitorIds, tags, customFields, nameKey, mergedInto, convertedAccount, convertedContact, createdAt,
                updatedAt, history);
    }
}
