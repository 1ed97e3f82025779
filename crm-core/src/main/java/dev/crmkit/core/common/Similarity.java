package dev.crmkit.core.common;

/** String similarity for fuzzy matching of names that already share a blocking key. */
public final class Similarity {
    private Similarity() {
    }

    /**
     * Jaro-Winkler similarity of the two texts after {@link Text#foldForMatching folding}: 1 for equal texts, 0 for
     * nothing in common; common prefixes weigh more, which suits names ("Jon" / "Jonathan").
     */
    public static double jaroWinkler(String a, String b) {
        return jaroWinklerFolded(Text.foldForMatching(a), Text.foldForMatching(b));
    }

    /** {@link #jaroWinkler} of two texts that are already folded (or compared as they are); never null. */
    public static double jaroWinklerFolded(String s, String t) {
        if (s.equals(t)) {
            return 1.0;
        }
        if (s.isEmpty() || t.isEmpty()) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
        return s.length() <= Long.SIZE && t.length() <= Long.SIZE ? upTo64(s, t, window) : withArrays(s, t, window);
    }

    /** The textbook algorithm, matched positions in two arrays: texts longer than 64 characters. */
    static double withArrays(String s, String t, int window) {
        boolean[] sMatched = new boolean[s.length()];
        boolean[] tMatched = new boolean[t.length()];
        int matches = 0;
        for (int i = 0; i < s.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < s.length(); i++) {
            if (sMatched[i]) {
                while (!tMatched[j]) {
                    j++;
                }
                if (s.charAt(i) != t.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return winkler(s, t, matches, transpositions);
    }

    /**
     * The same for texts of at most 64 characters (names, streets), with the matched positions as bits: duplicate
     * matching scores millions of pairs in an import, and two arrays per pair were a tenth of its work.
     */
    static double upTo64(String s, String t, int window) {
        long sMatched = 0;
        long tMatched = 0;
        int matches = 0;
        for (int i = 0; i < s.length(); i++) {
            int to = Math.min(t.length() - 1, i + window);
            for (int j = Math.max(0, i - window); j <= to; j++) {
                if ((tMatched & 1L << j) == 0 && s.charAt(i) == t.charAt(j)) {
                    sMatched |= 1L << i;
                    tMatched |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        long sLeft = sMatched;
        long tLeft = tMatched;
        while (sLeft != 0) {
            if (s.charAt(Long.numberOfTrailingZeros(sLeft)) != t.charAt(Long.numberOfTrailingZeros(tLeft))) {
                transpositions++;
            }
            sLeft &= sLeft - 1;
            tLeft &= tLeft - 1;
        }
        return winkler(s, t, matches, transpositions);
    }

    private static double winkler(String s, String t, int matches, int transpositions) {
        double m = matches;
        double jaro = (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(s.length(), t.length())) && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
