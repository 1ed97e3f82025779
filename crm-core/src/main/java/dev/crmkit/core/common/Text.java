package dev.crmkit.core.common;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small text helpers shared by the capabilities' normalization rules. */
public final class Text {
    private Text() {
    }

    /** Trims; returns null for null or blank input, so "no value" has one representation. */
    public static @Nullable String blankToNull(@Nullable String s) {
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
    public static String foldForMatching(@Nullable String s) {
        if (s == null) {
            return "";
        }
        if (isFolded(s)) {
            // Matching folds every candidate's fields on every capture; most stored values are already folded.
            return s;
        }
        // ASCII has nothing to decompose: duplicate matching folds every candidate's names, so skip the costly part.
        String decomposed = isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
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

    /** Whether folding would give {@code s} back: lower-case ASCII letters and digits, single inner spaces. */
    private static boolean isFolded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (c != ' ' || i == 0 || i == s.length() - 1 || s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first character of {@code s} that no adapter stores exactly, or -1: a control character (C0,
     * DEL, C1; tab, line feed and carriage return are allowed when {@code multiLine}) or an unpaired UTF-16 surrogate.
     */
    public static int badChar(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, nearly every character: one test instead of three
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
