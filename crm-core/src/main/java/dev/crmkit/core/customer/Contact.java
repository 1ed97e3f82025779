package dev.crmkit.core.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person at an account.
 *
 * @param name           last name, first name, job title
 * @param points         email, phone and postal address
 * @param demographics   birth date, age band and gender, for the demographic reports
 * @param roles          job roles in the buying process, e.g. {@code "economic buyer"}, {@code "champion"}
 * @param sourceLead     the lead this contact was converted from, if any
 */
// Unwrapped: contact events, webhooks and personal-data exports keep the flat JSON a contact has always had.
public record Contact(
        ContactId id,
        long version,
        @Nullable AccountId account,
        @JsonUnwrapped ContactName name,
        @JsonUnwrapped ContactPoints points,
        @JsonUnwrapped Demographics demographics,
        Set<String> roles,
        boolean keyDecisionMaker,
        LifecycleStage stage,
        @Nullable UserId owner,
        Consent consent,
        @Nullable LeadId sourceLead,
        Set<String> tags,
        Instant createdAt,
        Instant updatedAt) implements Versioned<ContactId, Contact> {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        points = points == null ? ContactPoints.NONE : points;
        demographics = demographics == null ? Demographics.NONE : demographics;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        consent = consent == null ? Consent.NONE : consent;
    }

    /** The name's matching key that duplicate search looks contacts up by (see {@link ContactName#nameKey()}). */
    public @Nullable String nameKey() {
        return name.nameKey();
    }

    /** This contact as a customer since its first purchase (a stage only moves forward to it). */
    Contact becameCustomer(Instant at) {
        return new Contact(id, version, account, name, points, demographics, roles, keyDecisionMaker,
                LifecycleStage.CUSTOMER, owner, consent, sourceLead, tags, createdAt, at);
    }

    /** This contact marked, or no longer marked, as a key decision maker of its account. */
    Contact withKeyDecisionMaker(boolean decides, Instant at) {
        return new Contact(id, version, account, name, points, demographics, roles, decides, stage, owner, consent,
                sourceLead, tags, createdAt, at);
    }

    /** This contact with the consent flags {@code flags}, as the consent records now say (changed at {@code at}). */
    public Contact withConsent(Consent flags, Instant at) {
        return new Contact(id, version, account, name, points, demographics, roles, keyDecisionMaker, stage, owner,
                flags, sourceLead, tags, createdAt, at);
    }

    @Override
    public Contact withVersion(long newVersion) {
        return new Contact(id, newVersion, account, name, points, demographics, roles, keyDecisionMaker, stage, owner,
                consent, sourceLead, tags, createdAt, updatedAt);
    }
}
