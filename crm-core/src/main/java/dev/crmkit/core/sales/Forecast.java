package dev.crmkit.core.sales;

import dev.crmkit.core.common.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Forecast of the opportunities closing in a period: totals per forecast category and the weighted pipeline, kept
 * apart per currency.
 */
public record Forecast(ForecastPeriod period, Map<Currency, ForecastTotals> byCurrency) {
    public Forecast {
        byCurrency = Map.copyOf(byCurrency);
    }

    /** Sums the opportunities of {@code candidates} whose close date lies in {@code period}. */
    public static Forecast of(ForecastPeriod period, Collection<Opportunity> candidates) {
        Map<Currency, Sums> sums = new HashMap<>();
        for (Opportunity o : candidates) {
            if (period.contains(o.closeDate())) {
                sums.computeIfAbsent(o.amount().currency(), c -> new Sums()).add(o);
            }
        }
        Map<Currency, ForecastTotals> totals = new HashMap<>();
        sums.forEach((c, s) -> totals.put(c, s.totals(c)));
        return new Forecast(period, totals);
    }

    /** Running sums of one currency; exact, so the order of adding does not matter. */
    private static final class Sums {
        private final Map<ForecastCategory, BigDecimal> byCategory = new EnumMap<>(ForecastCategory.class);
        private BigDecimal weighted = BigDecimal.ZERO;
        private int count;

        void add(Opportunity o) {
            byCategory.merge(o.category(), o.amount().amount(), BigDecimal::add);
            if (o.isOpen()) {
                weighted = weighted.add(o.weightedAmount());
            }
            count++;
        }

        ForecastTotals totals(Currency c) {
            Map<ForecastCategory, Money> money = new EnumMap<>(ForecastCategory.class);
            byCategory.forEach((k, v) -> money.put(k, new Money(v, c)));
            return new ForecastTotals(c, count, money, weighted);
        }
    }

    /** The totals in {@code currencyCode}; all zero when no opportunity is in that currency. */
    public ForecastTotals in(String currencyCode) {
        Currency c = Currency.getInstance(currencyCode);
        return byCurrency.getOrDefault(c, ForecastTotals.empty(c));
    }
}
