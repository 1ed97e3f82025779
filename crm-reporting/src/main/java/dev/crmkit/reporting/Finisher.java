package dev.crmkit.reporting;

import dev.crmkit.reporting.Measure.Aggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns grouped totals into a result, the same way whoever totalled them: ratios from their operands, order, limit
 * and the decimals {@link Measure} defines. Shared by the in-memory engine and push-down executors (through
 * {@link GroupTotals}), so they can only differ in the totals.
 */
final class Finisher {
    private Finisher() {
    }

    /** The scale of a measure's exact values: its field's for SUM, MIN, MAX and AVG, else 0. */
    static int scale(Measure m) {
        return switch (m.aggregate()) {
            case SUM, MIN, MAX, AVG -> m.field().scale();
            default -> 0;
        };
    }

    /**
     * @param keys   per row, the keys of the grouped dimensions
     * @param values per measure, per row: the exact value of every non-ratio measure; ratio slots are ignored
     */
    static ReportResult finish(ReportDefinition def, TimeWindow window, String[][] keys, Fraction[][] values) {
        List<Measure> measures = def.measures();
        int rows = keys.length;
        int[] scales = new int[measures.size()];
        int[] denominatorScales = new int[measures.size()];
        for (int i = 0; i < measures.size(); i++) {
            scales[i] = scale(measures.get(i));
        }
        List<String> names = measures.stream().map(Measure::name).toList();
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            if (m.aggregate() != Aggregate.RATIO) {
                continue;
            }
            int ni = names.indexOf(m.numerator());
            int di = names.indexOf(m.denominator());
            Fraction[] ratio = new Fraction[rows];
            for (int r = 0; r < rows; r++) {
                Fraction a = values[ni][r];
                Fraction b = values[di][r];
                if (a.isNull() || b.isNull() || b.num() == 0) {
                    ratio[r] = Fraction.NULL;
                } else {
                    ratio[r] = b.num() < 0 ? new Fraction(-a.num(), -b.num()) : new Fraction(a.num(), b.num());
                }
            }
            values[i] = ratio;
            scales[i] = scales[ni];
            denominatorScales[i] = scales[di];
        }
        Integer[] order = new Integer[rows];
        Arrays.setAll(order, r -> r);
        Arrays.sort(order, comparator(def, keys, values, names));
        int limit = def.limit() == null ? rows : Math.min(def.limit(), rows);
        List<ReportRow> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            int r = order[i];
            List<BigDecimal> vals = new ArrayList<>(measures.size());
            for (int m = 0; m < measures.size(); m++) {
                vals.add(decimal(measures.get(m), values[m][r], scales[m], denominatorScales[m]));
            }
            out.add(new ReportRow(Arrays.asList(keys[r]), vals));
        }
        return new ReportResult(def.name(), def.source(), window, def.dimensions(), names, out, null);
    }

    private static Comparator<Integer> comparator(ReportDefinition def, String[][] keys, Fraction[][] values,
                                                  List<String> names) {
        Comparator<Integer> c = (a, b) -> 0;
        for (Order o : def.order()) {
            int m = names.indexOf(o.by());
            if (m >= 0) {
                Fraction[] column = values[m];
                c = c.thenComparing((a, b) -> nullsLast(column[a], column[b], o.descending(), Fraction::compare));
            } else {
                int d = def.dimensions().indexOf(Dimension.valueOf(o.by()));
                c = c.thenComparing((a, b) -> nullsLast(keys[a][d], keys[b][d], o.descending(), String::compareTo));
            }
        }
        for (int d = 0; d < def.dimensions().size(); d++) {
            int dim = d;
            c = c.thenComparing((a, b) -> nullsLast(keys[a][dim], keys[b][dim], false, String::compareTo));
        }
        return c;
    }

    private static <T> int nullsLast(T a, T b, boolean descending, Comparator<T> natural) {
        boolean an = a == null || (a instanceof Fraction f && f.isNull());
        boolean bn = b == null || (b instanceof Fraction f && f.isNull());
        if (an || bn) {
            return Boolean.compare(an, bn);
        }
        int c = natural.compare(a, b);
        return descending ? -c : c;
    }

    /** The value {@link Measure} defines for {@code f}. */
    private static BigDecimal decimal(Measure m, Fraction f, int scale, int denominatorScale) {
        if (f.isNull()) {
            return null;
        }
        return switch (m.aggregate()) {
            case COUNT, DISTINCT_COUNT -> BigDecimal.valueOf(f.num());
            case SUM, MIN, MAX -> exact(BigDecimal.valueOf(f.num(), scale), m.field());
            case AVG -> quotient(f.num(), scale, f.den(), 0);
            case RATIO -> quotient(f.num(), scale, f.den(), denominatorScale);
        };
    }

    /**
     * {@code (num × 10^-scale) / (den × 10^-denScale)} rounded {@code HALF_EVEN} to {@link Measure#FRACTION_SCALE}
     * decimals, as {@link BigDecimal#divide(BigDecimal, int, RoundingMode)} gives it; in long arithmetic when the
     * scaled numerator fits, since a report may hold tens of thousands of rates and BigDecimal division is slow.
     */
    static BigDecimal quotient(long num, int scale, long den, int denScale) {
        int shift = Measure.FRACTION_SCALE + denScale - scale;
        if (den > 0 && shift >= 0 && shift < POWERS.length) {
            long p = POWERS[shift];
            long x = num * p;
            if (Math.multiplyHigh(num, p) == (x >> 63)) {
                long q = x / den;
                long r = Math.abs(x % den);
                if (r > den - r || (r == den - r && (q & 1) != 0)) {
                    q += x < 0 ? -1 : 1;
                }
                return BigDecimal.valueOf(q, Measure.FRACTION_SCALE);
            }
        }
        return BigDecimal.valueOf(num, scale).divide(BigDecimal.valueOf(den, denScale), Measure.FRACTION_SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    /** Money with at least two decimals, more only when the value has them; other fields as integers. */
    private static BigDecimal exact(BigDecimal v, Field field) {
        if (!field.isMoney()) {
            return v.setScale(0, RoundingMode.UNNECESSARY);
        }
        return v.setScale(Math.max(2, v.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
