package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;

/**
 * How to convert a qualified lead. With no account given, the lead's company is looked up by name (ignoring case,
 * accents and legal suffixes): one match is attached to, none creates an account, several is a
 * {@code ValidationException} asking for the account. A lead without a company gets a personal account in its name.
 * With no contact given, a contact of that account with the lead's email is reused, else one is created.
 */
public record ConvertLead(AccountId account, ContactId contact) {
    /** Find or create the account and contact. */
    public static ConvertLead automatically() {
        return new ConvertLead(null, null);
    }

    /** Attach to this existing account. */
    public static ConvertLead toAccount(AccountId account) {
        return new ConvertLead(account, null);
    }

    /** Attach to this existing contact (of {@code account}). */
    public static ConvertLead toContact(AccountId account, ContactId contact) {
        return new ConvertLead(account, contact);
    }
}
