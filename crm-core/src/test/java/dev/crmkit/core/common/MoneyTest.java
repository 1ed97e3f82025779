package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static void refusedOnAmount(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-NaN", "Infinity", "-Infinity", "", " ", "1e", "--1", "0x10", "1,5"})
    void textThatIsNotAFiniteDecimalIsAValidationErrorOnAmount(String text) {
        refusedOnAmount(() -> Money.of(text, "EUR"));
    }

    @Test
    void nullTextIsAValidationErrorOnAmount() {
        refusedOnAmount(() -> Money.of((String) null, "EUR"));
    }

    @Test
    void amountsAreExactlyWhatTheMoneyColumnsHold() {
        assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
        assertThat(Money.of("-999999999999999.99", "EUR").amount()).isEqualByComparingTo("-999999999999999.99");
        assertThat(Money.of("999999999999999", "JPY").amount()).isEqualByComparingTo("999999999999999");
        assertThat(Money.of("999999999999999.9999", "CLF").amount().scale()).isEqualTo(Money.SCALE);
        refusedOnAmount(() -> Money.of("1E15", "EUR"));
        refusedOnAmount(() -> Money.of("-1000000000000000", "JPY"));
        refusedOnAmount(() -> Money.of(new BigDecimal("1E16"), "EUR"));
        refusedOnAmount(() -> new Money(new BigDecimal("1E16"), Currency.getInstance("EUR")));
        assertThat(Money.INTEGER_DIGITS).isEqualTo(Money.PRECISION - Money.SCALE);
    }

    @Test
    void hugeAndTinyExponentsAreRefusedWithoutBuildingTheNumber() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String text : new String[] {"1E999999999", "-1E999999999", "1E10000000", "1E-999999999",
                    "1E-10000000", "1E2147483647", "1E2147483648", "1E-2147483648"}) {
                refusedOnAmount(() -> Money.of(text, "EUR"));
            }
        });
    }

    @Test
    void zeroWithAnyExponentIsZeroAndTrailingZerosAreNoExtraDecimals() {
        assertThat(Money.of("0E+999999999", "EUR")).isEqualTo(Money.of("0", "EUR"));
        assertThat(Money.of("0E-999999999", "EUR")).isEqualTo(Money.of("0", "EUR"));
        assertThat(Money.of("10.000000", "EUR")).isEqualTo(Money.of("10", "EUR"));
        assertThat(Money.of("1.2E+3", "JPY").amount()).isEqualByComparingTo("1200");
        assertThat(Money.of(" 12.50 ", "EUR")).isEqualTo(Money.of("12.5", "EUR"));
    }

    @Test
    void textLongerThanAnyAmountIsRefusedBeforeParsing() {
        assertThat(Money.of("0." + "0".repeat(Money.MAX_TEXT - 3) + "0", "EUR")).isEqualTo(Money.of("0", "EUR"));
        refusedOnAmount(() -> Money.of("1" + "0".repeat(Money.MAX_TEXT), "EUR"));
    }

    @Test
    void arithmeticThatLeavesTheRangeIsAValidationErrorOnAmount() {
        Money max = Money.of("999999999999999.99", "EUR");
        refusedOnAmount(() -> max.plus(Money.of("0.01", "EUR")));
        refusedOnAmount(() -> max.times(2));
        refusedOnAmount(() -> max.times(new BigDecimal("1E999999999")));
        assertThat(max.minus(max)).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    void roundingAProductWithAHugeScaleIsCheap() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(Money.of("10.00", "EUR").times(new BigDecimal("1E-999999999"))).isEqualTo(
                    Money.of("0", "EUR"));
            assertThat(Money.rounded(new BigDecimal("-4E-999999999"), Currency.getInstance("EUR")))
                    .isEqualTo(Money.of("0", "EUR"));
            assertThat(Money.rounded(new BigDecimal("0.005"), Currency.getInstance("EUR")))
                    .isEqualTo(Money.of("0", "EUR"));
            assertThat(Money.rounded(new BigDecimal("0.0051"), Currency.getInstance("EUR")))
                    .isEqualTo(Money.of("0.01", "EUR"));
        });
    }
}
