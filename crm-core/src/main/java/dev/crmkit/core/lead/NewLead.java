package dev.crmkit.core.lead;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.UserId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A lead as a rep (or an import) enters it, before validation. Text is taken as typed: {@code email} and
 * {@code phone} are normalized on capture (phones without a country code are read in the address's country, else
 * in the tenant's {@code PhoneRegions}).
 * A name ({@code firstName} or {@code lastName}) is required, and one way to reach or identify the person:
 * {@code email}, {@code phone}, {@code address}, {@code company} or {@code birthDate}. {@code owner} null means: by
 * the assignment rules, else the acting user.
 *
 * <pre>{@code
 * NewLead.of("Ada", "Lovelace", "ada@example.com").company("Analytical Engines").source(LeadSource.PHONE)
 * }</pre>
 */
public record NewLead(@Nullable String firstName, @Nullable String lastName, @Nullable String company,
                      @Nullable String title, @Nullable String email, @Nullable String phone, @Nullable Address address,
                      LeadSource source, @Nullable Attribution attribution, @Nullable Consent consent,
                      @Nullable UserId owner, Set<String> tags, Map<String, String> customFields,
                      @Nullable String visitorId, @Nullable LocalDate birthDate) {

    public NewLead {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** A lead without a birth date (the shape before birth dates were kept). */
    public NewLead(@Nullable String firstName, @Nullable String lastName, @Nullable String company,
                   @Nullable String title, @Nullable String email, @Nullable String phone, @Nullable Address address,
                   LeadSource source, @Nullable Attribution attribution, @Nullable Consent consent,
                   @Nullable UserId owner, Set<String> tags, Map<String, String> customFields,
                   @Nullable String visitorId) {
        this(firstName, lastName, company, title, email, phone, address, source, attribution, consent, owner, tags,
                customFields, visitorId, null);
    }

    /** A manually entered lead with a name and an email address. */
    public static NewLead of(String firstName, String lastName, String email) {
        return new NewLead(firstName, lastName, null, null, email, null, null, LeadSource.MANUAL, null, null, null,
                Set.of(), Map.of(), null, null);
    }

    public NewLead company(String value) {
        return new NewLead(firstName, lastName, value, title, email, phone, address, source, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead title(String value) {
        return new NewLead(firstName, lastName, company, value, email, phone, address, source, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead email(String value) {
        return new NewLead(firstName, lastName, company, title, value, phone, address, source, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead phone(String value) {
        return new NewLead(firstName, lastName, company, title, email, value, address, source, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead address(Address value) {
        return new NewLead(firstName, lastName, company, title, email, phone, value, source, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead source(LeadSource value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, value, attribution, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead attribution(Attribution value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, value, consent,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead consent(Consent value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, value,
                owner, tags, customFields, visitorId, birthDate);
    }

    public NewLead owner(UserId value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, consent,
                value, tags, customFields, visitorId, birthDate);
    }

    public NewLead tags(Set<String> value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, consent,
                owner, value, customFields, visitorId, birthDate);
    }

    public NewLead customFields(Map<String, String> value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, consent,
                owner, tags, value, visitorId, birthDate);
    }

    /** The person's date of birth: from 1900-01-01 up to today; duplicate matching compares it. */
    public NewLead birthDate(LocalDate value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, consent,
                owner, tags, customFields, visitorId, value);
    }

    /** The anonymous web visitor this person was: their past and future clicks count for the lead. */
    public NewLead visitorId(String value) {
        return new NewLead(firstName, lastName, company, title, email, phone, address, source, attribution, consent,
                owner, tags, customFields, value, birthDate);
    }
}
