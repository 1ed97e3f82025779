package dev.crmkit.core.testkit;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Decimal text as a hostile client sends it: plain amounts near the money range's edges, too many decimals, huge and
 * tiny exponents, exponents that overflow an int, NaN and infinities, long digit runs and things that are not numbers.
 */
public final class HostileDecimals {
    /** Written out, because a generator finds them only by luck. */
    public static final List<String> KNOWN = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "", " ",
            "1e", "e5", "--1", "1..2", "0x10", "1_000", "1,5", "١٢٣", " 12.50 ", "1E999999999", "1E-999999999",
            "1E10000000", "-1E10000000", "1E2147483647", "1E-2147483648", "1E2147483648", "0E+999999999",
            "0E-999999999", "1E15", "-1E15", "1E16", "999999999999999.99", "-999999999999999.99",
            "999999999999999.9999", "1000000000000000", "999999999999999.995", "0.0001", "0.00001",
            "1.0000000000000000000000000000", "9".repeat(64), "9".repeat(65), "0." + "0".repeat(60) + "1");

    private HostileDecimals() {
    }

    /** Known cases and generated ones, about half each. */
    public static Arbitrary<String> texts() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> fraction = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(6)
                .map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-30, 30).map(e -> "E" + e),
                Arbitraries.integers().map(e -> "e" + e));
        Arbitrary<String> generated = Combinators.combine(sign, digits, fraction, exponent)
                .as((s, d, f, e) -> s + d + f + e);
        return Arbitraries.oneOf(Arbitraries.of(KNOWN), generated);
    }

    /** Currencies with 0, 2, 3 and 4 decimals. */
    public static Arbitrary<String> currencies() {
        return Arbitraries.of("JPY", "EUR", "BHD", "CLF");
    }
}
