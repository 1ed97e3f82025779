package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How to convert a qualified lead. With no account given, the lead's company is looked up by name (ignoring case,
 * accents and legal suffixes): one match is attached to, none creates an account, several is a
 * {@code ValidationException} asking for the account. A lead without a company gets a personal account in its name.
 * With no contact given, a contact of that account with the lead's email is reused, else one is created. With an
 * opportunity name, an opportunity for the account is opened too (owned by the lead's owner, at the first stage).
 */
public record ConvertLead(@Nullable AccountId account, @Nullable ContactId contact, @Nullable String opportunityName,
                          @Nullable Money opportunityAmount, @Nullable LocalDate opportunityCloseDate) {
    /** Find or create the account and contact. */
    public static ConvertLead automatically() {
        return new ConvertLead(null, null, null, null, null);
    }

    /** Attach to this existing account. */
    public static ConvertLead toAccount(AccountId account) {
        return new ConvertLead(account, null, null, null, null);
    }

    /** Attach to this existing contact (of {@code account}). */
    public static ConvertLead toContact(AccountId account, ContactId contact) {
        return new ConvertLead(account, contact, null, null, null);
    }

    /** Also open an opportunity: name, amount and expected close date (not in the past) are required. */
    public ConvertLead withOpportunity(String name, Money amount, LocalDate closeDate) {
        return new ConvertLead(account, contact, name, amount, closeDate);
    }

    boolean wantsOpportunity() {
        return opportunityName != null || opportunityAmount != null || opportunityCloseDate != null;
    }
}
