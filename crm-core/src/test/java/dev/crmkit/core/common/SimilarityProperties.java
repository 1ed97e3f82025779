package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Jaro-Winkler gives the textbook values, and its two ways of keeping matched positions (bits for texts up to 64
 * characters, arrays beyond) agree for any texts.
 */
class SimilarityProperties {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcde ").ofMinLength(1).ofMaxLength(Long.SIZE);
    }

    @Property(tries = 2000)
    void bitsAndArraysKeepTheSameMatches(@ForAll("texts") String s, @ForAll("texts") String t) {
        int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);

        assertThat(Similarity.upTo64(s, t, window)).isEqualTo(Similarity.withArrays(s, t, window));
    }

    /** Winkler's own examples (1990), as textbooks give them. */
    @Example
    void theTextbookPairsScoreAsPublished() {
        assertThat(Similarity.jaroWinklerFolded("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(Similarity.jaroWinklerFolded("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(Similarity.jaroWinklerFolded("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        String longer = "a".repeat(70) + "martha";
        assertThat(Similarity.jaroWinklerFolded(longer, "a".repeat(70) + "marhta")).as("past 64 characters")
                .isEqualTo(Similarity.withArrays(longer, "a".repeat(70) + "marhta", 37));
    }
}
