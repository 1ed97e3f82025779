package dev.crmkit.core.common;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Blocking keys for fuzzy duplicate search, shared by leads and contacts so each can be matched against the other.
 * A key narrows candidates to an index lookup; the fine comparison (similarity of full name and company) runs only
 * on those candidates. Keys are at most {@link #MAX_LENGTH} characters.
 */
public final class MatchKeys {
    /**
     * The longest key, in characters. Folding can lengthen a name (a Hangul syllable decomposes into two or three
     * letters), so keys are cut to this length: names that long still share a key when they agree on its first
     * {@code MAX_LENGTH} characters, and the fine comparison tells them apart.
     */
    public static final int MAX_LENGTH = 600;

    private static final Set<String> LEGAL_SUFFIXES = Set.of("ltd", "limited", "inc", "incorporated", "llc", "gmbh",
            "ag", "sa", "sarl", "bv", "nv", "plc", "corp", "corporation", "co", "company", "kg", "oy", "ab", "srl",
            "spa", "pty", "llp", "lp");

    private MatchKeys() {
    }

    /**
     * {@code folded last name | first letter of the folded first name}, or null without a last name.
     * "José  O'Brien" and "jose obrien" share a key.
     */
    public static @Nullable String person(@Nullable String firstName, @Nullable String lastName) {
        String last = Text.foldForMatching(lastName).replace(" ", "");
        if (last.isEmpty()) {
            return null;
        }
        String first = Text.foldForMatching(firstName);
        return cut(first.isEmpty() ? last + "|" : last + "|" + first.charAt(0));
    }

    /** The folded company name without legal-form suffixes: "Acme, Inc." and "ACME" share a key. */
    public static @Nullable String company(@Nullable String name) {
        String folded = Text.foldForMatching(name);
        if (folded.isEmpty()) {
            return null;
        }
        String[] words = folded.split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
            end--;
        }
        return cut(String.join(" ", Arrays.copyOf(words, end)));
    }

    /** {@code key} cut to {@link #MAX_LENGTH}; folding keeps no surrogates, so no character is split. */
    private static String cut(String key) {
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
