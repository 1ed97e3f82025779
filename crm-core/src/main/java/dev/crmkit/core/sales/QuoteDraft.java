package dev.crmkit.core.sales;

import dev.crmkit.core.common.ContactId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a quote, for creating and revising it.
 *
 * @param currency ISO code; null means the opportunity's currency, anything else must equal it
 * @param contact  who receives it; null means the opportunity's contact
 * @param taxRate  percent (0..100); null means 0
 */
public record QuoteDraft(String currency, ContactId contact, BigDecimal taxRate, List<QuoteItem> items,
                         LocalDate validUntil, String notes) {
    public QuoteDraft {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static QuoteDraft of(List<QuoteItem> items) {
        return new QuoteDraft(null, null, null, items, null, null);
    }

    public QuoteDraft withTaxRate(String percent) {
        return new QuoteDraft(currency, contact, new BigDecimal(percent), items, validUntil, notes);
    }

    public QuoteDraft withCurrency(String code) {
        return new QuoteDraft(code, contact, taxRate, items, validUntil, notes);
    }

    public QuoteDraft withNotes(String text) {
        return new QuoteDraft(currency, contact, taxRate, items, validUntil, text);
    }
}
