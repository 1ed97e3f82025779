package dev.crmkit.core.common;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by the capabilities' normalization rules. */
public final class Text {
    private Text() {
    }

    /** Trims; returns null for null or blank input, so "no value" has one representation. */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * A matching key for names: accents removed, lower-case, letters and digits only, single spaces.
     * {@code "  José  O'Brien "} becomes {@code "jose obrien"}.
     */
    public static String foldForMatching(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            } else if (Character.isWhitespace(c) || c == '-' || c == ',' || c == '.') {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
