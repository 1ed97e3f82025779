package dev.crmkit.core.sales;

import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

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
        Map<Currency, ForecastTotals> sums = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        for (Opportunity o : candidates) {
            if (period.contains(o.closeDate())) {
                Currency c = o.amount().currency();
                sums.put(c, sums.getOrDefault(c, ForecastTotals.empty(c)).plus(o));
            }
        }
        return new Forecast(period, sums);
    }

    /** The totals in {@code currencyCode}; all zero when no opportunity is in that currency. */
    public ForecastTotals in(String currencyCode) {
        Currency c = Currency.getInstance(currencyCode);
        return byCurrency.getOrDefault(c, ForecastTotals.empty(c));
    }
}
