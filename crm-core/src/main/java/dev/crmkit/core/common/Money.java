package dev.crmkit.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Arithmetic refuses to mix currencies; amounts keep the currency's minor-unit
 * scale so that equal sums are equal records.
 *
 * <p>Every amount is what a {@code DECIMAL(}{@value #PRECISION}{@code ,}{@value #SCALE}{@code )} column holds: less
 * than 10<sup>{@value #INTEGER_DIGITS}</sup> in absolute value, and no more decimals than the currency has (at most
 * {@value #SCALE}). Anything else, including a sum or product that leaves the range, is a
 * {@link ValidationException} on {@code amount}, so every adapter stores exactly the amounts all adapters store.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** Significant digits an amount may have: the precision of the money columns. */
    public static final int PRECISION = 19;
    /** Decimals the money columns keep; more than any ISO 4217 currency has. */
    public static final int SCALE = 4;
    /** Digits before the decimal point: amounts are below 10^15 in absolute value. */
    public static final int INTEGER_DIGITS = PRECISION - SCALE;
    /** The longest text {@link #of(String, String)} parses; longer text is not an amount a column can hold anyway. */
    public static final int MAX_TEXT = 64;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        // Both checks read the digits alone, before any rescaling: setScale on 1E+999999999 or 1E-999999999 would
        // build a number with a billion digits (seconds of CPU, or an ArithmeticException).
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount;
        requireInRange(amount);
        if (amount.scale() > scale) {
            BigDecimal stripped = amount.stripTrailingZeros();
            if (stripped.scale() > scale) {
                // More precision than the currency has is a caller bug worth surfacing, not silently rounding away.
                throw new ValidationException("amount", "has more decimals than " + currency + " allows ("
                        + scale + ")");
            }
            amount = stripped;
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses decimal text such as {@code "1234.50"} or {@code "-1E3"}. Text that is not a finite decimal (blank,
     * {@code NaN}, {@code Infinity}, longer than {@link #MAX_TEXT}) or out of range is a {@link ValidationException}
     * on {@code amount}; an unknown currency one on {@code currency}.
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(decimal(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds {@code amount} half-even to the currency's minor unit; use for computed values such as percentages. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.signum() == 0 || (long) amount.scale() - amount.precision() > scale) {
            // Below a tenth of the minor unit, so it rounds to zero; setScale would first build 10^(its scale).
            return zero(currency);
        }
        requireInRange(amount);
        return new Money(amount.setScale(scale, RoundingMode.HALF_EVEN), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "cannot combine " + currency + " with " + other.currency);
        }
    }

    /** Digits before the point, read without rescaling (which costs as much as the exponent is large). */
    private static void requireInRange(BigDecimal amount) {
        if ((long) amount.precision() - amount.scale() > INTEGER_DIGITS) { // long: 1E2147483647 overflows int
            throw new ValidationException("amount", "must be less than 10^" + INTEGER_DIGITS
                    + " in absolute value (DECIMAL(" + PRECISION + "," + SCALE + "))");
        }
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("amount", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new ValidationException("amount", "must be at most " + MAX_TEXT + " characters");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("amount", "is not a decimal number");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("currency", "is not an ISO 4217 code: " + code);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
