package dev.crmkit.core.sales;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a quote or order. The discounted unit price is rounded half-even to the currency's minor unit once;
 * everything after that is exact: {@code total = unitPrice × quantity}, so an order's lines become purchases whose
 * totals add up to the order's.
 *
 * @param listPrice           the price book's price when the line was priced
 * @param discountPercent     0..100
 * @param specialInstructions the customer's instructions for this line, or null; see {@link QuoteItem}
 */
public record LineItem(ProductId product, String productCode, String productName, int quantity, Money listPrice,
                       BigDecimal discountPercent, @Nullable String specialInstructions) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LineItem {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(discountPercent, "discountPercent");
        if (quantity < 1) {
            throw new ValidationException("quantity", "must be at least 1");
        }
        if (listPrice.isNegative()) {
            throw new ValidationException("listPrice", "must not be negative");
        }
        if (!isPercent(discountPercent)) {
            throw new ValidationException("discountPercent", "must be between 0 and 100");
        }
    }

    /** A line without special instructions. */
    public LineItem(ProductId product, String productCode, String productName, int quantity, Money listPrice,
                    BigDecimal discountPercent) {
        this(product, productCode, productName, quantity, listPrice, discountPercent, null);
    }

    /**
     * {@code text} as a percent for {@code field}: a decimal with at most {@link SalesLimits#PERCENT_DECIMALS}
     * decimals, else a {@link ValidationException} on {@code field} (the range 0..100 is checked where it is used).
     */
    static BigDecimal percent(String field, String text) {
        if (text == null || text.isBlank() || text.length() > SalesLimits.TAX_RATE_TEXT) {
            throw new ValidationException(field, "must be a decimal number of at most " + SalesLimits.TAX_RATE_TEXT
                    + " characters");
        }
        try {
            return requireDecimals(field, new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "is not a decimal number");
        }
    }

    /** {@code percent} unless it has more than {@link SalesLimits#PERCENT_DECIMALS} decimals. */
    static BigDecimal requireDecimals(String field, BigDecimal percent) {
        if (percent.stripTrailingZeros().scale() > SalesLimits.PERCENT_DECIMALS) {
            throw new ValidationException(field, "must have at most " + SalesLimits.PERCENT_DECIMALS + " decimals");
        }
        return percent;
    }

    static boolean isPercent(BigDecimal percent) {
        return percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0;
    }

    /** The list price less the discount, rounded to the currency's minor unit. */
    public Money unitPrice() {
        return listPrice.times(HUNDRED.subtract(discountPercent).divide(HUNDRED));
    }

    /** Unit price × quantity, exact. */
    public Money total() {
        return unitPrice().times(quantity);
    }

    /** List price × quantity, exact. */
    public Money listTotal() {
        return listPrice.times(quantity);
    }
}
