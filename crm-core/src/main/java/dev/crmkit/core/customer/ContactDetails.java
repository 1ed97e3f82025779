package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.UserId;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a user sets on a contact, for creating and for updating it. {@code lastName} is required; {@code email} and
 * {@code phone} are taken as typed (phones without a country code are read in the address's country, else in the
 * tenant's {@code PhoneRegions});
 * {@code ageBand} is computed from {@code birthDate} when that is given, and may be given alone otherwise;
 * {@code owner} defaults to the acting user on create and stays on update (another needs MANAGER).
 */
public record ContactDetails(@Nullable AccountId account, @Nullable String firstName, @Nullable String lastName,
                             @Nullable String title, @Nullable String email, @Nullable String phone,
                             @Nullable Address address, @Nullable LocalDate birthDate, @Nullable AgeBand ageBand,
                             @Nullable Gender gender, Set<String> roles, boolean keyDecisionMaker,
                             @Nullable UserId owner, @Nullable Consent consent, Set<String> tags) {

    public static ContactDetails of(AccountId account, String firstName, String lastName, String email) {
        return new ContactDetails(account, firstName, lastName, null, email, null, null, null, null, null, Set.of(),
                false, null, null, Set.of());
    }

    public ContactDetails withTitle(String t) {
        return new ContactDetails(account, firstName, lastName, t, email, phone, address, birthDate, ageBand, gender,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withPhone(String p) {
        return new ContactDetails(account, firstName, lastName, title, email, p, address, birthDate, ageBand, gender,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withAddress(Address a) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, a, birthDate, ageBand, gender,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withBirthDate(LocalDate d) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, d, ageBand, gender,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withAgeBand(AgeBand b) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, b, gender,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withGender(Gender g) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand, g,
                roles, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withRoles(Set<String> r) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand,
                gender, r, keyDecisionMaker, owner, consent, tags);
    }

    public ContactDetails withKeyDecisionMaker(boolean k) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand,
                gender, roles, k, owner, consent, tags);
    }

    public ContactDetails withOwner(UserId o) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand,
                gender, roles, keyDecisionMaker, o, consent, tags);
    }

    public ContactDetails withConsent(Consent c) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand,
                gender, roles, keyDecisionMaker, owner, c, tags);
    }

    public ContactDetails withTags(Set<String> t) {
        return new ContactDetails(account, firstName, lastName, title, email, phone, address, birthDate, ageBand,
                gender, roles, keyDecisionMaker, owner, consent, t);
    }
}
