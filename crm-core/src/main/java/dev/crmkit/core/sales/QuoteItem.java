package dev.crmkit.core.sales;

import dev.crmkit.core.common.ProductId;
import java.math.BigDecimal;

/**
 * A line to put on a quote: the list price comes from the price book of the quote's currency.
 *
 * @param discountPercent 0..100; null means no discount
 */
public record QuoteItem(ProductId product, int quantity, BigDecimal discountPercent) {
    public static QuoteItem of(ProductId product, int quantity) {
        return new QuoteItem(product, quantity, BigDecimal.ZERO);
    }

    public static QuoteItem of(ProductId product, int quantity, String discountPercent) {
        return new QuoteItem(product, quantity, new BigDecimal(discountPercent));
    }
}
