package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentInputTest {
    private static final ProductId PRODUCT = ProductId.of(UUID.randomUUID());

    private static void refusedOn(String field, Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "", "abc", "1E-999999999", "1E-65"})
    void aTaxRateThatIsNotAShortDecimalIsAValidationErrorOnTaxRate(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> refusedOn("taxRate", () -> QuoteDraft.of(List.of()).withTaxRate(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "", "1E-999999999", "1E-65"})
    void aDiscountThatIsNotAShortDecimalIsAValidationErrorOnDiscountPercent(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> refusedOn("discountPercent", () -> QuoteItem.of(PRODUCT, 1, text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-999999999", "1E-65"})
    void aPercentWithMoreDecimalsThanPricingTakesIsRefusedAlsoAsADecimal(String text) {
        refusedOn("discountPercent", () -> new QuoteItem(PRODUCT, 1, new BigDecimal(text)));
        refusedOn("taxRate", () -> new QuoteDraft(null, null, new BigDecimal(text), List.of(), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19", "7.5", "1E-64", "100.000000000000000000000000"})
    void percentsWithinTheDecimalsAreAccepted(String text) {
        assertThat(QuoteDraft.of(List.of()).withTaxRate(text).taxRate()).isEqualTo(new BigDecimal(text));
        assertThat(QuoteItem.of(PRODUCT, 1, text).discountPercent()).isEqualTo(new BigDecimal(text));
    }
}
