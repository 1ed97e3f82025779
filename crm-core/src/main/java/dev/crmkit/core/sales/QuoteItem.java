package dev.crmkit.core.sales;

import dev.crmkit.core.common.ProductId;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A line to put on a quote: the list price comes from the price book of the quote's currency.
 *
 * @param discountPercent     0..100 with at most {@link SalesLimits#PERCENT_DECIMALS} decimals; null means none
 * @param specialInstructions the customer's instructions for this line (engraving, packing...), multi-line, at most
 *                            {@link SalesLimits#SPECIAL_INSTRUCTIONS} characters; null or blank means none. The
 *                            order and the purchase recorded on delivery carry them.
 */
public record QuoteItem(ProductId product, int quantity, @Nullable BigDecimal discountPercent,
                        @Nullable String specialInstructions) {
    public QuoteItem {
        if (discountPercent != null) {
            LineItem.requireDecimals("discountPercent", discountPercent);
        }
    }

    /** A line without special instructions. */
    public QuoteItem(ProductId product, int quantity, BigDecimal discountPercent) {
        this(product, quantity, discountPercent, null);
    }

    public static QuoteItem of(ProductId product, int quantity) {
        return new QuoteItem(product, quantity, BigDecimal.ZERO);
    }

    /** A line with a discount given as decimal text; anything else is a ValidationException on discountPercent. */
    public static QuoteItem of(ProductId product, int quantity, String discountPercent) {
        return new QuoteItem(product, quantity, LineItem.percent("discountPercent", discountPercent));
    }

    public QuoteItem withSpecialInstructions(String text) {
        return new QuoteItem(product, quantity, discountPercent, text);
    }
}
