package dev.crmkit.core.sales;

import dev.crmkit.core.common.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Quote rules, given with {@code Crm.builder().with(new QuotePolicy(...))}.
 *
 * @param approvalThresholdPercent a quote with a line discount above this needs a manager's approval before sending
 */
public record QuotePolicy(BigDecimal approvalThresholdPercent) {
    public QuotePolicy {
        Objects.requireNonNull(approvalThresholdPercent, "approvalThresholdPercent");
        if (!LineItem.isPercent(approvalThresholdPercent)) {
            throw new ValidationException("approvalThresholdPercent", "must be between 0 and 100");
        }
    }

    /** Discounts above 10 % need approval. */
    public static QuotePolicy defaults() {
        return new QuotePolicy(BigDecimal.TEN);
    }

    public boolean needsApproval(BigDecimal discountPercent) {
        return discountPercent.compareTo(approvalThresholdPercent) > 0;
    }
}
