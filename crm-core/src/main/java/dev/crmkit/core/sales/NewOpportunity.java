package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An opportunity to create. Account, name, amount and a close date not in the past are required; the contact must
 * belong to the account.
 *
 * @param owner      null means the acting user
 * @param stage      name of an open stage; null means the first stage of {@link SalesStages}
 * @param sourceLead the lead being converted, if any
 */
public record NewOpportunity(AccountId account, @Nullable ContactId contact, String name, Money amount,
                             LocalDate closeDate, @Nullable UserId owner, @Nullable String stage,
                             @Nullable LeadId sourceLead) {

    public static NewOpportunity of(AccountId account, String name, Money amount, LocalDate closeDate) {
        return new NewOpportunity(account, null, name, amount, closeDate, null, null, null);
    }

    public NewOpportunity withContact(ContactId newContact) {
        return new NewOpportunity(account, newContact, name, amount, closeDate, owner, stage, sourceLead);
    }

    public NewOpportunity withOwner(@Nullable UserId newOwner) {
        return new NewOpportunity(account, contact, name, amount, closeDate, newOwner, stage, sourceLead);
    }

    public NewOpportunity withStage(String newStage) {
        return new NewOpportunity(account, contact, name, amount, closeDate, owner, newStage, sourceLead);
    }

    public NewOpportunity withSourceLead(LeadId lead) {
        return new NewOpportunity(account, contact, name, amount, closeDate, owner, stage, lead);
    }
}
