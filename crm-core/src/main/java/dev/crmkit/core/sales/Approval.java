package dev.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crmkit.core.common.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Whether a quote needs a manager's approval and who gave it.
 *
 * @param required some line's discount exceeds the {@link QuotePolicy} threshold
 * @param by       the manager who approved the current revision, if any
 */
// The JSON names are the quote's own, from before the grouping: a quote's JSON stays flat and unchanged.
public record Approval(@JsonProperty("approvalRequired") boolean required,
                       @JsonProperty("approvedBy") @Nullable UserId by) {
    public static final Approval NOT_NEEDED = new Approval(false, null);
}
