package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import org.jspecify.annotations.Nullable;

/**
 * What converting a lead produced: the account and contact it now is (each either new or existing) and the
 * opportunity, when one was asked for (else null).
 */
public record Conversion(LeadId lead, AccountId account, boolean newAccount, ContactId contact, boolean newContact,
                         @Nullable OpportunityId opportunity) {
}
