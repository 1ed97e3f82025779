package dev.crmkit.reporting;

import dev.crmkit.core.common.ValidationException;
import java.math.BigDecimal;

/**
 * A field column: one exact value per fact as {@code value × 10^scale}, with a sentinel for "no value". Stored as
 * {@code int[]} when every value fits. The block methods fold a block of facts into per-group accumulators.
 */
abstract sealed class Numbers permits Numbers.Ints, Numbers.Longs {
    static final long NULL = Long.MIN_VALUE;
    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(Long.MAX_VALUE);

    static Numbers of(long[] values, int rows) {
        boolean narrow = true;
        for (int i = 0; i < rows && narrow; i++) {
            long v = values[i];
            narrow = v == NULL || (v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE);
        }
        if (narrow) {
            int[] ints = new int[rows];
            for (int i = 0; i < rows; i++) {
                ints[i] = values[i] == NULL ? Integer.MIN_VALUE : (int) values[i];
            }
            return new Ints(ints);
        }
        return new Longs(java.util.Arrays.copyOf(values, rows));
    }

    /** The value of {@code row}, or {@link #NULL}. */
    abstract long value(int row);

    /**
     * Whether every sum over this column fits a {@code long}, so the kernel's plain additions are exact: the sum of
     * the absolute values does. Always for {@code int} columns (2^31 values of at most 2^31).
     */
    abstract boolean sumsFit();

    /**
     * The error for a total (or a value) beyond the exact range of reports: a {@code long} of units, at four decimals
     * ±922,337,203,685,477.5807. Totals of a CRM stay far below; hostile data gets a typed refusal, not a wrong sum.
     */
    /** {@code units} as a {@code long}: beyond the exact range of reports a {@code ValidationException}. */
    static long units(BigDecimal units) {
        if (units.abs().compareTo(MAX_UNITS) > 0) {
            throw beyondExactRange();
        }
        return units.longValueExact(); // still throws for decimals the field does not have
    }

    static ValidationException beyondExactRange() {
        return new ValidationException("measures", "a total is beyond the exact range of reports"
                + " (" + Long.MAX_VALUE + " units of the field's smallest decimal)");
    }

    /** For each kept fact with a value: {@code sum[g] += v; n[g]++} ({@code n} may be null: not counted). */
    abstract void sum(int start, int len, boolean[] keep, int[] group, long[] sum, long[] n);

    /**
     * For every fact of the block: {@code counts[g]++}, and with a value {@code sum[g] += v; n[g]++} ({@code n} may
     * be null). Counting and summing in one loop walks the group ids once.
     */
    abstract void countAndSum(int start, int len, int[] group, long[] counts, long[] sum, long[] n);

    /** For each kept fact with a value: {@code min[g] = min(min[g], v); n[g]++}. */
    abstract void min(int start, int len, boolean[] keep, int[] group, long[] min, long[] n);

    abstract void max(int start, int len, boolean[] keep, int[] group, long[] max, long[] n);

    abstract long bytes();

    static final class Ints extends Numbers {
        private static final int NONE = Integer.MIN_VALUE;
        private final int[] values;

        Ints(int[] values) {
            this.values = values;
        }

        @Override
        boolean sumsFit() {
            return true;
        }

        @Override
        long value(int row) {
            int v = values[row];
            return v == NONE ? NULL : v;
        }

        @Override
        void sum(int start, int len, boolean[] keep, int[] group, long[] sum, long[] n) {
            if (n == null) {
                for (int j = 0; j < len; j++) {
                    int v = values[start + j];
                    if (keep[j] && v != NONE) {
                        sum[group[j]] += v;
                    }
                }
                return;
            }
            for (int j = 0; j < len; j++) {
                int v = values[start + j];
                if (keep[j] && v != NONE) {
                    int g = group[j];
                    sum[g] += v;
                    n[g]++;
                }
            }
        }

        @Override
        void countAndSum(int start, int len, int[] group, long[] counts, long[] sum, long[] n) {
            for (int j = 0; j < len; j++) {
                int v = values[start + j];
                int g = group[j];
                counts[g]++;
                if (v != NONE) {
                    sum[g] += v;
                    if (n != null) {
                        n[g]++;
                    }
                }
            }
        }

        @Override
        void min(int start, int len, boolean[] keep, int[] group, long[] min, long[] n) {
            for (int j = 0; j < len; j++) {
                int v = values[start + j];
                if (keep[j] && v != NONE) {
                    int g = group[j];
                    min[g] = Math.min(min[g], v);
                    n[g]++;
                }
            }
        }

        @Override
        void max(int start, int len, boolean[] keep, int[] group, long[] max, long[] n) {
            for (int j = 0; j < len; j++) {
                int v = values[start + j];
                if (keep[j] && v != NONE) {
                    int g = group[j];
                    max[g] = Math.max(max[g], v);
                    n[g]++;
                }
            }
        }

        @Override
        long bytes() {
            return 4L * values.length;
        }
    }

    static final class Longs extends Numbers {
        private final long[] values;

        private final boolean sumsFit;

        Longs(long[] values) {
            this.values = values;
            long absolute = 0;
            for (long v : values) {
                if (v != NULL) {
                    absolute += Math.abs(v);
                    if (absolute < 0) {
                        break;
                    }
                }
            }
            this.sumsFit = absolute >= 0;
        }

        @Override
        boolean sumsFit() {
            return sumsFit;
        }

        @Override
        long value(int row) {
            return values[row];
        }

        @Override
        void sum(int start, int len, boolean[] keep, int[] group, long[] sum, long[] n) {
            if (n == null) {
                for (int j = 0; j < len; j++) {
                    long v = values[start + j];
                    if (keep[j] && v != NULL) {
                        sum[group[j]] += v;
                    }
                }
                return;
            }
            for (int j = 0; j < len; j++) {
                long v = values[start + j];
                if (keep[j] && v != NULL) {
                    int g = group[j];
                    sum[g] += v;
                    n[g]++;
                }
            }
        }

        @Override
        void countAndSum(int start, int len, int[] group, long[] counts, long[] sum, long[] n) {
            for (int j = 0; j < len; j++) {
                long v = values[start + j];
                int g = group[j];
                counts[g]++;
                if (v != NULL) {
                    sum[g] += v;
                    if (n != null) {
                        n[g]++;
                    }
                }
            }
        }

        @Override
        void min(int start, int len, boolean[] keep, int[] group, long[] min, long[] n) {
            for (int j = 0; j < len; j++) {
                long v = values[start + j];
                if (keep[j] && v != NULL) {
                    int g = group[j];
                    min[g] = Math.min(min[g], v);
                    n[g]++;
                }
            }
        }

        @Override
        void max(int start, int len, boolean[] keep, int[] group, long[] max, long[] n) {
            for (int j = 0; j < len; j++) {
                long v = values[start + j];
                if (keep[j] && v != NULL) {
                    int g = group[j];
                    max[g] = Math.max(max[g], v);
                    n[g]++;
                }
            }
        }

        @Override
        long bytes() {
            return 8L * values.length;
        }
    }
}
