package dev.crmkit.core.sales;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a quote tells the customer beyond its prices; every part is optional.
 *
 * @param specialInstructions the customer's instructions for the whole order; the order this quote becomes keeps
 *                            them, as each line keeps its own
 */
public record QuoteTerms(@Nullable LocalDate validUntil, @Nullable String notes,
                         @Nullable String specialInstructions) {
    public static final QuoteTerms NONE = new QuoteTerms(null, null, null);
}
