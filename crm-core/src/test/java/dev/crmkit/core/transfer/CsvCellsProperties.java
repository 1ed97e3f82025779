package dev.crmkit.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Consent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Exported cells are never formulas, and every value comes back from an import exactly as it was. */
class CsvCellsProperties {
    @Property
    void aCellNeverStartsAsAFormulaAndReadsBackAsTheValue(@ForAll("cells") String value) {
        String cell = CsvCells.safe(value);

        assertThat(cell.isEmpty() || !CsvCells.isFormulaStart(cell.charAt(0))).isTrue();
        assertThat(CsvCells.read(cell)).isEqualTo(value);
    }

    @Property
    void mergingConsentNeverGrantsWhatEitherSideRefused(@ForAll boolean e1, @ForAll boolean p1, @ForAll boolean t1,
                                                        @ForAll boolean m1, @ForAll boolean e2, @ForAll boolean p2,
                                                        @ForAll boolean t2, @ForAll boolean m2) {
        Consent a = new Consent(e1, p1, t1, m1);
        Consent b = new Consent(e2, p2, t2, m2);

        Consent both = a.and(b);

        assertThat(both).isEqualTo(b.and(a));
        assertThat(both).isEqualTo(new Consent(e1 && e2, p1 && p2, t1 && t2, m1 && m2));
        assertThat(both.and(a)).isEqualTo(both);
    }

    /** Text heavy in quotes and formula characters, where escaping goes wrong. */
    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars('\'', '=', '+', '-', '@', '\t', '\r', 'a', '1', ' ', '"', ',')
                .ofMaxLength(8);
    }
}
