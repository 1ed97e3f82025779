package dev.crmkit.core.sales;

import dev.crmkit.core.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Forecast figures in one currency. Amounts in different currencies are never added: a {@link Forecast} keeps one
 * of these per currency.
 *
 * @param opportunities  how many opportunities were counted
 * @param byCategory     sum of amounts per forecast category (every category present, zero when empty)
 * @param weightedExact  weighted pipeline of the open opportunities: sum of amount × probability, not rounded
 */
public record ForecastTotals(Currency currency, int opportunities, Map<ForecastCategory, Money> byCategory,
                             BigDecimal weightedExact) {
    public ForecastTotals {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(weightedExact, "weightedExact");
        EnumMap<ForecastCategory, Money> all = new EnumMap<>(ForecastCategory.class);
        for (ForecastCategory c : ForecastCategory.values()) {
            all.put(c, byCategory.getOrDefault(c, Money.zero(currency)));
        }
        byCategory = Map.copyOf(all);
    }

    /** No opportunities in {@code currency}. */
    public static ForecastTotals empty(Currency currency) {
        return new ForecastTotals(currency, 0, Map.of(), BigDecimal.ZERO);
    }

    /** The weighted pipeline rounded half-even to the currency's minor unit (once, after summing). */
    public Money weightedPipeline() {
        return Money.rounded(weightedExact, currency);
    }

    public Money total(ForecastCategory category) {
        return byCategory.getOrDefault(category, Money.zero(currency));
    }
}
