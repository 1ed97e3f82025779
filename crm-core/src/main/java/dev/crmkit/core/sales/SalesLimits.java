package dev.crmkit.core.sales;

import dev.crmkit.core.customer.CustomerLimits;

/**
 * The longest text, in characters, the sales catalog keeps per field; longer input is a {@code ValidationException}
 * naming the field. The JPA adapter's columns have exactly these widths (a test there reads them from the
 * database), so every adapter accepts the same values. Other sales text (opportunity names, stages, notes) is
 * unbounded.
 */
public final class SalesLimits {
    /** A product's code (unique per tenant, stored upper-case). */
    public static final int PRODUCT_CODE = 255;
    /** A product's name: a delivered order's lines become purchases, which keep it in as much room. */
    public static final int PRODUCT_NAME = CustomerLimits.PRODUCT;

    /**
     * A quote's tax rate written as decimal text ({@link java.math.BigDecimal#toString()}, e.g. {@code 19.5}); no
     * tax law needs a rate that long, only a rate with a runaway scale does.
     */
    public static final int TAX_RATE_TEXT = 64;

    /**
     * Decimals of a tax rate or a line's discount percent: as many as a rate's text column holds. Pricing rescales
     * by them, so {@code 1E-999999999} (a percent between 0 and 100, and short as text) would cost a billion-digit
     * division.
     */
    public static final int PERCENT_DECIMALS = TAX_RATE_TEXT;

    /**
     * A customer's special instructions on a quote or order line, and those for the whole quote or order; line
     * breaks allowed. A purchase recorded on delivery carries a line's and the order's together, so a purchase's own
     * special instructions are unbounded.
     */
    public static final int SPECIAL_INSTRUCTIONS = 2000;

    private SalesLimits() {
    }
}
