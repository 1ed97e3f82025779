package dev.crmkit.core.sales;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an opportunity, all required except the contact. A changed close date must not be in the
 * past.
 */
public record OpportunityDetails(String name, @Nullable ContactId contact, Money amount, LocalDate closeDate,
                                 UserId owner) {
    /** The opportunity's current details, to change one with a {@code with...} call. */
    public static OpportunityDetails of(Opportunity o) {
        return new OpportunityDetails(o.name(), o.contact(), o.amount(), o.closeDate(), o.owner());
    }

    public OpportunityDetails withAmount(Money newAmount) {
        return new OpportunityDetails(name, contact, newAmount, closeDate, owner);
    }

    public OpportunityDetails withCloseDate(LocalDate newCloseDate) {
        return new OpportunityDetails(name, contact, amount, newCloseDate, owner);
    }

    public OpportunityDetails withOwner(UserId newOwner) {
        return new OpportunityDetails(name, contact, amount, closeDate, newOwner);
    }
}
