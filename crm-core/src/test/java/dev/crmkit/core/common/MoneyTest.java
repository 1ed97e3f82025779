package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void keepsTheCurrencyScaleSoEqualAmountsAreEqualRecords() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10", "JPY").amount().scale()).isZero();
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.of("10.001", "EUR"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasErrorFor("amount")).isTrue());
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void unknownCurrencyNamesTheField() {
        assertThatThrownBy(() -> Money.of("1", "XYZ1"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasErrorFor("currency")).isTrue());
    }

    @Test
    void multiplicationByAFactorRoundsHalfEvenToTheMinorUnit() {
        assertThat(Money.of("10.00", "EUR").times(new BigDecimal("0.125"))).isEqualTo(Money.of("1.25", "EUR"));
        assertThat(Money.of("0.10", "EUR").times(new BigDecimal("0.25"))).isEqualTo(Money.of("0.02", "EUR"));
        assertThat(Money.of("0.30", "EUR").times(new BigDecimal("0.25"))).isEqualTo(Money.of("0.08", "EUR"));
    }
}
