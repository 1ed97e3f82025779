package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Folding for matching gives what the plain algorithm gives, whichever shortcut it takes. */
class FoldProperties {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "z", "0", "9", "A", "é", "É", "İ", "ß", " ", "  ", "-", ",", ".", "'", "\t", "名")
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property
    void foldingMatchesTheReferenceForAnyText(@ForAll("texts") String text) {
        assertThat(Text.foldForMatching(text)).isEqualTo(reference(text));
    }

    @Property
    void foldedAsciiTextComesBackAsItIs(@ForAll("texts") String text) {
        String folded = Text.foldForMatching(text);
        Assume.that(folded.chars().allMatch(c -> c < 0x80));
        assertThat(Text.foldForMatching(folded)).isSameAs(folded);
    }

    /** Decompose, drop marks, lower-case, keep letters and digits, one space between words. */
    private static String reference(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder();
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
