package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person at an account. Demographic fields ({@code birthDate}, {@code ageBand}, {@code gender}) are optional and
 * feed the demographic reports; {@code ageBand} is set from the birth date when one is known.
 *
 * @param roles          job roles in the buying process, e.g. {@code "economic buyer"}, {@code "champion"}
 * @param sourceLead     the lead this contact was converted from, if any
 */
public record Contact(
        ContactId id,
        long version,
        @Nullable AccountId account,
        @Nullable String firstName,
        String lastName,
        @Nullable String title,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        @Nullable Address address,
        @Nullable LocalDate birthDate,
        @Nullable AgeBand ageBand,
        @Nullable Gender gender,
        Set<String> roles,
        boolean keyDecisionMaker,
        LifecycleStage stage,
        UserId owner,
        Consent consent,
        @Nullable LeadId sourceLead,
        Set<String> tags,
        @Nullable String nameKey,
        Instant createdAt,
        Instant updatedAt) implements Versioned<ContactId, Contact> {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        consent = consent == null ? Consent.NONE : consent;
    }

    @Override
    public Contact withVersion(long newVersion) {
        return new Contact(id, newVersion, account, firstName, lastName, title, email, phone, address, birthDate,
                ageBand, gender, roles, keyDecisionMaker, stage, owner, consent, sourceLead, tags, nameKey, createdAt,
                updatedAt);
    }
}
