package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.testkit.HostileDecimals;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

class MoneyProperties {
    @Property
    void sumIsExactAndOrderIndependent(
            @ForAll @Size(max = 30) List<@BigRange(min = "-1000000", max = "1000000") @Scale(2) BigDecimal> amounts) {
        Money forward = Money.zero(java.util.Currency.getInstance("EUR"));
        for (BigDecimal a : amounts) {
            forward = forward.plus(Money.of(a, "EUR"));
        }
        Money backward = Money.zero(java.util.Currency.getInstance("EUR"));
        for (int i = amounts.size() - 1; i >= 0; i--) {
            backward = backward.plus(Money.of(amounts.get(i), "EUR"));
        }
        BigDecimal exact = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(forward).isEqualTo(backward);
        assertThat(forward.amount()).isEqualByComparingTo(exact);
    }

    @Property
    void timesQuantityEqualsRepeatedAddition(
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal unit,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 50) int quantity) {
        Money price = Money.of(unit, "USD");
        Money sum = Money.zero(price.currency());
        for (int i = 0; i < quantity; i++) {
            sum = sum.plus(price);
        }
        assertThat(price.times(quantity)).isEqualTo(sum);
    }

    /**
     * For any decimal text, {@code Money.of} gives an amount the money columns hold exactly (fewer than
     * {@link Money#INTEGER_DIGITS} digits before the point, the currency's scale), or refuses it naming
     * {@code amount}: never another exception, and never seconds of work. The adapters' side is
     * {@code AmountContract}.
     */
    @Property(tries = 2000)
    void moneyOfAnyDecimalTextIsAStorableAmountOrAValidationErrorOnAmount(
            @ForAll("decimalTexts") String text, @ForAll("currencies") String currency) {
        Money m;
        try {
            m = Money.of(text, currency);
        } catch (ValidationException e) {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount");
            return;
        }
        assertThat(m.amount().abs()).isLessThan(BigDecimal.TEN.pow(Money.INTEGER_DIGITS));
        assertThat(m.amount().scale()).isEqualTo(Math.max(m.currency().getDefaultFractionDigits(), 0))
                .isLessThanOrEqualTo(Money.SCALE);
        assertThat(m.amount().precision()).isLessThanOrEqualTo(Money.PRECISION);
    }

    @Provide
    Arbitrary<String> decimalTexts() {
        return HostileDecimals.texts();
    }

    @Provide
    Arbitrary<String> currencies() {
        return HostileDecimals.currencies();
    }
}
