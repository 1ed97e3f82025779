package dev.crmkit.reporting;

import dev.crmkit.reporting.Measure.Aggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        int[] order = order(def, keys, values, names);
        int limit = def.limit() == null ? rows : Math.min(def.limit(), rows);
        List<ReportRow> out = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            int r = order[i];
            BigDecimal[] vals = new BigDecimal[measures.size()];
            for (int m = 0; m < measures.size(); m++) {
                vals[m] = decimal(measures.get(m), values[m][r], scales[m], denominatorScales[m]);
            }
            out.add(new ReportRow(FrozenList.of(keys[r]), FrozenList.of(vals)));
        }
        return new ReportResult(def.name(), def.source(), window, def.dimensions(), names, out, null);
    }

    /**
     * The rows in the definition's order, then by every dimension's key ascending (so the order is total), nulls
     * last. Keys are compared as ranks computed once per distinct key: sorting tens of thousands of groups by
     * UUID texts with a long common prefix was most of a pushed-down report's time in Java.
     */
    static int[] order(ReportDefinition def, String[][] keys, Fraction[][] values, List<String> names) {
        List<SortKey> sortKeys = new ArrayList<>();
        List<Ranks> ranks = new ArrayList<>();
        for (Order o : def.order()) {
            int m = names.indexOf(o.by());
            if (m >= 0) {
                sortKeys.add(new MeasureKey(values[m], o.descending()));
            } else {
                Ranks r = Ranks.of(keys, def.dimensions().indexOf(Dimension.valueOf(o.by())), o.descending());
                sortKeys.add(r);
                ranks.add(r);
            }
        }
        for (int d = 0; d < def.dimensions().size(); d++) {
            Ranks r = Ranks.of(keys, d, false);
            sortKeys.add(r);
            ranks.add(r);
        }
        int rows = keys.length;
        if (ranks.size() == sortKeys.size()) {
            int[] packed = Ranks.sortPacked(ranks, rows);
            if (packed != null) {
                return packed;
            }
        }
        Integer[] boxed = new Integer[rows];
        Arrays.setAll(boxed, r -> r);
        Arrays.sort(boxed, (a, b) -> {
            for (SortKey k : sortKeys) {
                int c = k.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        int[] order = new int[rows];
        Arrays.setAll(order, i -> boxed[i]);
        return order;
    }

    /** One criterion of the row order, comparing rows by index. */
    private interface SortKey {
        int compare(int a, int b);
    }

    /** A measure's exact values, nulls last in either direction. */
    private record MeasureKey(Fraction[] column, boolean descending) implements SortKey {
        @Override
        public int compare(int a, int b) {
            Fraction x = column[a];
            Fraction y = column[b];
            if (x.isNull() || y.isNull()) {
                return Boolean.compare(x.isNull(), y.isNull());
            }
            int c = Fraction.compare(x, y);
            return descending ? -c : c;
        }
    }

    /**
     * Per row, the rank of one dimension's key among the distinct keys, in the wanted direction; a null key ranks
     * last ({@code distinct}).
     */
    private record Ranks(int[] rank, int distinct) implements SortKey {
        static Ranks of(String[][] keys, int dimension, boolean descending) {
            Map<String, Integer> codes = new HashMap<>();
            List<String> distinct = new ArrayList<>();
            int[] code = new int[keys.length];
            for (int r = 0; r < keys.length; r++) {
                String key = keys[r][dimension];
                if (key == null) {
                    code[r] = -1;
                    continue;
                }
                Integer c = codes.get(key);
                if (c == null) {
                    c = distinct.size();
                    codes.put(key, c);
                    distinct.add(key);
                }
                code[r] = c;
            }
            Integer[] sorted = new Integer[distinct.size()];
            Arrays.setAll(sorted, i -> i);
            Arrays.sort(sorted, (a, b) -> distinct.get(a).compareTo(distinct.get(b)));
            int n = sorted.length;
            int[] rankOfCode = new int[n];
            for (int i = 0; i < n; i++) {
                rankOfCode[sorted[i]] = descending ? n - 1 - i : i;
            }
            for (int r = 0; r < code.length; r++) {
                code[r] = code[r] < 0 ? n : rankOfCode[code[r]];
            }
            return new Ranks(code, n);
        }

        @Override
        public int compare(int a, int b) {
            return Integer.compare(rank[a], rank[b]);
        }

        /**
         * Rows ordered by ranks alone, by sorting one long per row (the ranks' bits, then the row's index), or null
         * when those bits do not fit in 63.
         */
        static int[] sortPacked(List<Ranks> keys, int rows) {
            int rowBits = bits(rows);
            int total = rowBits;
            for (Ranks k : keys) {
                total += bits(k.distinct + 1);
            }
            if (total > 63) {
                return null;
            }
            long[] packed = new long[rows];
            for (int r = 0; r < rows; r++) {
                long p = 0;
                for (Ranks k : keys) {
                    p = (p << bits(k.distinct + 1)) | k.rank[r];
                }
                packed[r] = (p << rowBits) | r;
            }
            Arrays.sort(packed);
            long mask = (1L << rowBits) - 1;
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = (int) (packed[i] & mask);
            }
            return order;
        }

        /** The bits that hold the numbers 0 to {@code values - 1}. */
        private static int bits(int values) {
            return 32 - Integer.numberOfLeadingZeros(Math.max(1, values - 1));
        }
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
