package dev.crmkit.core.sales;

import dev.crmkit.core.common.ContactId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a quote, for creating and revising it.
 *
 * @param currency            ISO code; null means the opportunity's currency, anything else must equal it
 * @param contact             who receives it; null means the opportunity's contact
 * @param taxRate             percent (0..100, at most {@link SalesLimits#PERCENT_DECIMALS} decimals); null means 0
 * @param specialInstructions the customer's instructions for the whole order (delivery, packing...), multi-line,
 *                            at most {@link SalesLimits#SPECIAL_INSTRUCTIONS} characters; null or blank means none.
 *                            Each item may carry its own as well.
 */
public record QuoteDraft(@Nullable String currency, @Nullable ContactId contact, @Nullable BigDecimal taxRate,
                         List<QuoteItem> items, @Nullable LocalDate validUntil, @Nullable String notes,
                         @Nullable String specialInstructions) {
    public QuoteDraft {
        items = items == null ? List.of() : List.copyOf(items);
        if (taxRate != null) {
            LineItem.requireDecimals("taxRate", taxRate);
        }
    }

    /** A draft without order-level special instructions. */
    public QuoteDraft(String currency, ContactId contact, BigDecimal taxRate, List<QuoteItem> items,
                      LocalDate validUntil, String notes) {
        this(currency, contact, taxRate, items, validUntil, notes, null);
    }

    public static QuoteDraft of(List<QuoteItem> items) {
        return new QuoteDraft(null, null, null, items, null, null, null);
    }

    /**
     * The quote's current content, to revise part of it: the same contact, tax rate, validity, notes, special
     * instructions and lines (product, quantity, discount, instructions); prices come from the price book again.
     */
    public static QuoteDraft from(Quote quote) {
        List<QuoteItem> items = quote.pricing().lines().stream().map(l -> new QuoteItem(l.product(), l.quantity(),
                l.discountPercent(), l.specialInstructions())).toList();
        QuoteTerms terms = quote.terms();
        return new QuoteDraft(quote.pricing().currency().getCurrencyCode(), quote.contact(), quote.pricing().taxRate(),
                items, terms.validUntil(), terms.notes(), terms.specialInstructions());
    }

    /** This draft with tax rate {@code percent} as decimal text; anything else is a ValidationException on taxRate. */
    public QuoteDraft withTaxRate(String percent) {
        return new QuoteDraft(currency, contact, LineItem.percent("taxRate", percent), items, validUntil, notes,
                specialInstructions);
    }

    public QuoteDraft withCurrency(String code) {
        return new QuoteDraft(code, contact, taxRate, items, validUntil, notes, specialInstructions);
    }

    public QuoteDraft withNotes(String text) {
        return new QuoteDraft(currency, contact, taxRate, items, validUntil, text, specialInstructions);
    }

    public QuoteDraft withSpecialInstructions(String text) {
        return new QuoteDraft(currency, contact, taxRate, items, validUntil, notes, text);
    }
}
