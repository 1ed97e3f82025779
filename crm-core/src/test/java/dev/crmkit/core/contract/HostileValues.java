package dev.crmkit.core.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

/**
 * The hostile values of {@link HostileCatalog}: the examples of issue 18 and the boundaries of each field as fixed
 * cases, plus values jqwik generates over hostile alphabets. Generation is seeded per write, so every adapter gets
 * exactly the same inputs in the same order and outcomes can be compared across adapters.
 */
public final class HostileValues {
    /** Fixed, so a disagreement found on one run is found again on the next. */
    public static final long SEED = 18L;
    /** Generated texts per text parameter, on top of the fixed cases. */
    public static final int GENERATED_TEXTS = 14;
    /** Generated whole numbers per number parameter, on top of the fixed cases. */
    public static final int GENERATED_NUMBERS = 4;
    /** Generated instants per time parameter, on top of the fixed cases. */
    public static final int GENERATED_TIMES = 6;

    /** Characters that some adapter could not store exactly, or that parsers and SQL treat specially. */
    private static final char[] HOSTILE_CHARS = {
        '\u0000', '\u0001', '\u001B', '\u007F', '\u0080', '\u0085', '\u009F', '\t', '\n', '\r', '\u000B', '\u000C',
        '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u0308', '\u200B', '\u200D', '\uFEFF', '\u202E', '\u2066',
        '\u2028', '\u2029', '\u00A0', '\u3000', '\'', '"', '\\', '%', '_', '`', ';', '<', '>', '&', '?', '$', '{',
        '}', ' ', 'a', 'Z', '0', 'é', '名', 'ß', 'İ'};

    private static final List<String> SNIPPETS = List.of("'; DROP TABLE crm_lead; --", "\" OR \"1\"=\"1",
            "<script>alert(1)</script>", "%", "_", "\\", "${jndi:ldap://x}", "{\"k\":1}", "😀", "\uD83D\uDE00\u0301");

    private HostileValues() {
    }

    /**
     * The texts for a parameter at most {@code limit} characters long (0: no limit): fixed cases, the limit and the
     * limit plus one with multi-byte characters and a surrogate pair, then generated ones. No duplicates.
     */
    public static List<String> texts(String seedName, int limit) {
        Set<String> out = new LinkedHashSet<>(List.of(
                "a\u0000b", "\u0000", "a\uD800", "\uDC00b", "\uDE00\uD83D", "x\uD83D", "\uD83D\uDE00 astral",
                "e\u0301 combining", "zero\u200Bwidth", "bidi\u202Eevil", "iso\u2066late", "line\u2028sep",
                "para\u2029sep", "tab\there", "cr\rhere", "lf\nhere", "crlf\r\nhere", "del\u007F", "c1\u0085nel",
                "c1\u009Fend", "bell\u0007", "esc\u001B[31m", "O'Brien \"Q\" \\back\\", "100% _under_", "   ",
                " \t ", "\u3000", "\u00A0nbsp", "  padded  ", "'; DROP TABLE crm_lead; --",
                "<script>alert(1)</script>", "\uFEFFbom", "İstanbul ß ǅ"));
        if (limit > 0) {
            out.add(TextLimitsContract.text(limit, "q"));
            out.add(TextLimitsContract.text(limit + 1, "q"));
            out.add(TextLimitsContract.text(limit - 1, "q") + "\u0000");
        } else {
            out.add(TextLimitsContract.text(5_000, "q"));
        }
        out.addAll(sample(textArbitrary(), seedName, GENERATED_TEXTS));
        return List.copyOf(out);
    }

    /**
     * {@code count} values of {@code arbitrary}, the same on every call with the same {@code seedName}: jqwik's
     * sampling outside a property draws from its thread's source of randomness, seeded here.
     */
    private static <T> List<T> sample(Arbitrary<T> arbitrary, String seedName, int count) {
        SourceOfRandomness.create(Long.toString(SEED ^ seedName.hashCode()));
        return arbitrary.sampleStream().limit(count).toList();
    }

    /** Mixes of hostile characters, any UTF-16 units (lone surrogates included) and snippets. */
    static Arbitrary<String> textArbitrary() {
        Arbitrary<String> hostile = Arbitraries.strings().withChars(HOSTILE_CHARS).ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> plain = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> snippet = Arbitraries.of(SNIPPETS);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, hostile),
                net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(2, Combinators.combine(plain, hostile, snippet).as((p, h, s) -> p + h + s)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(plain, hostile).as((p, h) -> p + h + p)));
    }

    /** Whole numbers at and around the usual bounds (0, 1, 5, 100, the int range), then generated ones. */
    public static List<Integer> numbers(String seedName) {
        Set<Integer> out = new LinkedHashSet<>(List.of(Integer.MIN_VALUE, -1, 0, 1, 5, 6, 100, 101, 86_400,
                Integer.MAX_VALUE));
        out.addAll(sample(Arbitraries.integers(), seedName, GENERATED_NUMBERS));
        return List.copyOf(out);
    }

    /** Instants far outside, at and just inside the documented range, with odd precision, then generated ones. */
    public static List<Instant> instants(String seedName) {
        Set<Instant> out = new LinkedHashSet<>(List.of(
                Instant.MIN, Instant.MAX, Instant.EPOCH,
                LocalDate.of(0, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                LocalDate.of(-1, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC),
                Instant.parse("1899-12-31T23:59:59.999999Z"),
                Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("2038-01-19T03:14:08Z"),
                ContractSupport.START.atOffset(ZoneOffset.UTC).plusYears(100).toInstant(),
                Instant.parse("2199-12-31T23:59:59.999999Z"),
                Instant.parse("2200-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                ContractSupport.START.plusNanos(1),
                ContractSupport.START.plusNanos(123_456_789)));
        out.addAll(sample(Combinators.combine(
                Arbitraries.longs().between(Instant.parse("1850-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2250-01-01T00:00:00Z").getEpochSecond()),
                Arbitraries.of(0, 1_000, 999_999_000))
                .as((seconds, nanos) -> Instant.ofEpochSecond(seconds, nanos)), seedName, GENERATED_TIMES));
        return List.copyOf(out);
    }
}
