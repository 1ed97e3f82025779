package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Quote totals are exact: the subtotal is the sum of the line totals, computed here independently. */
class QuoteTotalsProperties {

    /** A line as plain numbers: list price in minor units, quantity, discount in basis points. */
    record RawLine(long minorUnits, int quantity, int discountBasisPoints) {
    }

    @Provide
    Arbitrary<RawLine> lines() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.integers().between(1, 10_000), Arbitraries.integers().between(0, 10_000))
                .as(RawLine::new);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "JPY", "BHD"); // 2, 0 and 3 minor digits
    }

    private static LineItem item(RawLine raw, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return new LineItem(ProductId.of(UUID.randomUUID()), "P", "Product", raw.quantity(),
                new Money(BigDecimal.valueOf(raw.minorUnits(), digits), currency),
                BigDecimal.valueOf(raw.discountBasisPoints(), 2));
    }

    /** list × (100 − discount) / 100 rounded half-even to the minor unit, times quantity: by hand. */
    private static BigDecimal exactLineTotal(RawLine raw, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        BigDecimal list = BigDecimal.valueOf(raw.minorUnits(), digits);
        BigDecimal unit = list.multiply(BigDecimal.valueOf(10_000 - raw.discountBasisPoints()))
                .divide(BigDecimal.valueOf(10_000)).setScale(digits, RoundingMode.HALF_EVEN);
        return unit.multiply(BigDecimal.valueOf(raw.quantity()));
    }

    @Property(tries = 300)
    void totalsAreTheExactSumsOfTheLines(@ForAll("currencies") String code,
                                         @ForAll @Size(max = 25) List<@From("lines") RawLine> raw,
                                         @ForAll @IntRange(min = 0, max = 10_000) int taxBasisPoints) {
        Currency currency = Currency.getInstance(code);
        List<LineItem> lines = raw.stream().map(r -> item(r, currency)).toList();
        BigDecimal taxRate = BigDecimal.valueOf(taxBasisPoints, 2);
        QuoteTotals t = QuoteTotals.of(currency, lines, taxRate);

        BigDecimal subtotal = raw.stream().map(r -> exactLineTotal(r, currency))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal list = raw.stream().map(r -> BigDecimal.valueOf(r.minorUnits(), currency.getDefaultFractionDigits())
                .multiply(BigDecimal.valueOf(r.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = subtotal.multiply(taxRate).movePointLeft(2)
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);

        assertThat(t.subtotal().amount()).isEqualByComparingTo(subtotal);
        assertThat(t.listTotal().amount()).isEqualByComparingTo(list);
        assertThat(t.discount().amount()).isEqualByComparingTo(list.subtract(subtotal));
        assertThat(t.discount().isNegative()).isFalse();
        assertThat(t.tax().amount()).isEqualByComparingTo(tax);
        assertThat(t.total().amount()).isEqualByComparingTo(subtotal.add(tax));
        assertThat(List.of(t.listTotal(), t.discount(), t.subtotal(), t.tax(), t.total()))
                .allMatch(m -> m.currency().equals(currency));
    }

    @Property(tries = 25)
    void aDeliveredQuotesPurchasesAddUpToItsSubtotal(@ForAll @Size(min = 1, max = 6) List<@From("lines") RawLine> raw,
                                                     @ForAll @IntRange(min = 0, max = 2500) int taxBasisPoints) {
        Crm crm = Crm.builder().clock(Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC))
                .with(new QuotePolicy(BigDecimal.valueOf(100))).build();
        Currency eur = Currency.getInstance("EUR");
        crm.products().createPriceBook("Europe", "EUR");
        List<QuoteItem> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ProductId p = crm.products().create(ProductDetails.of("P" + i, "Product " + i));
            crm.products().setListPrice(p, new Money(BigDecimal.valueOf(raw.get(i).minorUnits(), 2), eur));
            items.add(new QuoteItem(p, raw.get(i).quantity(), BigDecimal.valueOf(raw.get(i).discountBasisPoints(), 2)));
        }
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        OpportunityId deal = crm.opportunities().create(NewOpportunity.of(account, "Deal", Money.of("1.00", "EUR"),
                LocalDate.of(2026, 2, 1)));
        QuoteId q = crm.quotes().create(deal, new QuoteDraft(null, null, BigDecimal.valueOf(taxBasisPoints, 2),
                items, null, null));
        crm.quotes().send(q);
        OrderId order = crm.quotes().accept(q);
        crm.orders().confirm(order);
        crm.orders().ship(order, null);
        crm.orders().deliver(order);

        BigDecimal expected = raw.stream().map(r -> exactLineTotal(r, eur)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(crm.quotes().get(q).totals().subtotal().amount()).isEqualByComparingTo(expected);
        assertThat(crm.customers().purchases(account).stream().map(Purchase::total)
                .reduce(Money.zero(eur), Money::plus).amount()).isEqualByComparingTo(expected);
    }
}
