package dev.crmkit.reporting;

/**
 * A number of a fact that measures sum, average, minimum or maximum. Values are exact: money is kept to four
 * decimal places, which covers every ISO 4217 currency. A fact without a value (a touchpoint without a value) is
 * left out of that field's aggregates, as SQL does with nulls.
 */
public enum Field {
    /** A touchpoint's count: 1, or the number of impressions of a bulk impression record. */
    COUNT(0),
    /** A touchpoint's money value (e.g. of a conversion), in its own currency. */
    VALUE(4),
    /** Length of a call or visit in seconds. */
    DURATION(0),
    /** A lead's score. */
    SCORE(0),
    /** Units of a purchase. */
    QUANTITY(0),
    /** A purchase's unit price. */
    UNIT_PRICE(4),
    /** A purchase's quantity × unit price. */
    REVENUE(4),
    /** An opportunity's amount. */
    AMOUNT(4),
    /**
     * An opportunity's amount × its win probability, rounded half-even to four decimals (exact for currencies of up
     * to two decimals).
     */
    WEIGHTED_AMOUNT(4),
    /** An opportunity's win probability in percent. */
    PROBABILITY(0),
    /** Days from an opportunity's creation to its close date; no value while open. */
    SALES_CYCLE_DAYS(0),
    /** Minutes from a case's opening to its resolution; no value while unresolved. */
    RESOLUTION_MINUTES(0),
    /** Minutes from a case's opening to the first response; no value before one. */
    FIRST_RESPONSE_MINUTES(0),
    /** 1 when a sequence step sent an email (or held it for quiet hours), else 0. */
    SENT(0),
    /** 1 when the email a sequence step sent was clicked, else 0. */
    CLICKED(0),
    /** 1 when the enrollment going through a sequence step exited on conversion or its lead converted, else 0. */
    CONVERTED(0);

    private final int scale;

    Field(int scale) {
        this.scale = scale;
    }

    /** Decimal places the engine keeps; values are stored as {@code value × 10^scale} in a {@code long}. */
    public int scale() {
        return scale;
    }

    /** True for money fields, shown with at least two decimals. */
    public boolean isMoney() {
        return scale > 0;
    }
}
