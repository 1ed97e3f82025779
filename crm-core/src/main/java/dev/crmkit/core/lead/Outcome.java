package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import org.jspecify.annotations.Nullable;

/**
 * How a lead ended, when it did: why it was disqualified, the lead it was merged into, or the account and contact it
 * was converted into. An open lead has {@link #NONE}; {@link Lead} checks that the outcome fits its status.
 */
public record Outcome(@Nullable String unqualifiedReason, @Nullable LeadId mergedInto,
                      @Nullable AccountId convertedAccount, @Nullable ContactId convertedContact) {
    public static final Outcome NONE = new Outcome(null, null, null, null);
}
