package dev.crmkit.reporting;

/**
 * The exact value of one measure in one row: {@code num / den × 10^-scale}, the scale being the measure's; a zero
 * denominator means no value. Denominators are positive otherwise.
 */
record Fraction(long num, long den) {
    static final Fraction NULL = new Fraction(0, 0);

    boolean isNull() {
        return den == 0;
    }

    /** Compares exactly: the 128-bit cross products of two fractions with positive denominators. */
    static int compare(Fraction a, Fraction b) {
        long hi1 = Math.multiplyHigh(a.num, b.den);
        long lo1 = a.num * b.den;
        long hi2 = Math.multiplyHigh(b.num, a.den);
        long lo2 = b.num * a.den;
        return hi1 != hi2 ? Long.compare(hi1, hi2) : Long.compareUnsigned(lo1, lo2);
    }
}
