package dev.crmkit.core.service;

import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.tracking.Touchpoint;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an agent sees while a call rings: the caller, their account, what is open and covered, what they bought and
 * the last interactions.
 *
 * @param contact the matched contact (null when only a case of an account without contact matched)
 * @param account the contact's or case's account, if any
 * @param matchedCase the case whose tracking number was looked up, else null
 * @param otherMatches further contacts sharing the phone number or email address, oldest first
 * @param openCases open cases of the account and the contact, oldest first
 * @param activeContracts the account's service contracts valid now
 * @param recentPurchases newest first
 * @param lastInteractions the contact's (else the account's) latest touchpoints, newest first
 */
public record CustomerView(@Nullable Contact contact, @Nullable Account account, @Nullable Case matchedCase,
                           List<Contact> otherMatches, List<Case> openCases, List<ServiceContract> activeContracts,
                           List<Purchase> recentPurchases, List<Touchpoint> lastInteractions) {
    public CustomerView {
        otherMatches = List.copyOf(otherMatches);
        openCases = List.copyOf(openCases);
        activeContracts = List.copyOf(activeContracts);
        recentPurchases = List.copyOf(recentPurchases);
        lastInteractions = List.copyOf(lastInteractions);
    }
}
