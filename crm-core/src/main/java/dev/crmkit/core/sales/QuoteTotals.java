package dev.crmkit.core.sales;

import dev.crmkit.core.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The sums of a quote or order, exact: {@code subtotal} is the sum of the line totals, {@code discount} is the list
 * total less the subtotal, {@code tax} is the subtotal × tax rate rounded half-even once, {@code total} is subtotal
 * plus tax.
 *
 * @param taxRate percent, e.g. 19 for 19 %
 */
public record QuoteTotals(Money listTotal, Money discount, Money subtotal, BigDecimal taxRate, Money tax,
                          Money total) {

    public static QuoteTotals of(Currency currency, List<LineItem> lines, BigDecimal taxRate) {
        Money list = Money.zero(currency);
        Money subtotal = Money.zero(currency);
        for (LineItem line : lines) {
            list = list.plus(line.listTotal());
            subtotal = subtotal.plus(line.total());
        }
        Money tax = subtotal.times(taxRate.movePointLeft(2));
        return new QuoteTotals(list, list.minus(subtotal), subtotal, taxRate, tax, subtotal.plus(tax));
    }
}
