package dev.crmkit.core.sales;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** What a quote charges: its currency, tax rate (percent) and priced lines. */
public record Pricing(Currency currency, BigDecimal taxRate, List<LineItem> lines) {
    public Pricing {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public QuoteTotals totals() {
        return QuoteTotals.of(currency, lines, taxRate);
    }

    /** The highest line discount in percent (0 without lines). */
    public BigDecimal maxDiscount() {
        return lines.stream().map(LineItem::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
}
