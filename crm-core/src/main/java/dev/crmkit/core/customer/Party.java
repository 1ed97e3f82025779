package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Validation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who a purchase or feedback concerns: an account, a contact, or both. A contact alone implies its account; both
 * together must agree. Problems are recorded in the given validation.
 */
record Party(Optional<Account> account, Optional<Contact> contact) {

    static Party resolve(CustomerTx tx, @Nullable AccountId accountId, @Nullable ContactId contactId, Validation v) {
        if (!v.check(accountId != null || contactId != null, "account", "or a contact is required")) {
            return new Party(Optional.empty(), Optional.empty());
        }
        Optional<Contact> contact = Optional.empty();
        AccountId effective = accountId;
        if (contactId != null) {
            contact = tx.contacts().find(contactId);
            if (v.check(contact.isPresent(), "contact", "no such contact: " + contactId)) {
                AccountId ofContact = contact.get().account();
                v.check(accountId == null || ofContact == null || accountId.equals(ofContact), "contact",
                        "belongs to another account");
                effective = accountId != null ? accountId : ofContact;
            }
        }
        Optional<Account> account = Optional.empty();
        if (effective != null) {
            account = tx.accounts().find(effective);
            v.check(account.isPresent(), "account", "no such account: " + effective);
        }
        return new Party(account, contact);
    }

    @Nullable AccountId accountId() {
        return account.map(Account::id).orElse(null);
    }

    @Nullable ContactId contactId() {
        return contact.map(Contact::id).orElse(null);
    }
}
