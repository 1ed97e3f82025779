package dev.crmkit.reporting;

import java.math.BigDecimal;

/** Bands of a unit price for product reports; lower bound inclusive, upper bound exclusive, in any currency. */
public enum PriceBand {
    UNDER_10(0), FROM_10_TO_50(10), FROM_50_TO_100(50), FROM_100_TO_500(100), FROM_500_TO_1000(500),
    FROM_1000_TO_5000(1000), FROM_5000(5000);

    private final long lower;

    PriceBand(long lower) {
        this.lower = lower;
    }

    /** The band of {@code unitPrice}; negative prices (credits) fall into the lowest band. */
    public static PriceBand of(BigDecimal unitPrice) {
        PriceBand[] bands = values();
        for (int i = bands.length - 1; i > 0; i--) {
            if (unitPrice.compareTo(BigDecimal.valueOf(bands[i].lower)) >= 0) {
                return bands[i];
            }
        }
        return UNDER_10;
    }

    /** The inclusive lower bound. */
    public BigDecimal lowerBound() {
        return BigDecimal.valueOf(lower);
    }
}
