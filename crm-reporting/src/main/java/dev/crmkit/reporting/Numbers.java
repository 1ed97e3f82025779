package dev.crmkit.reporting;

/**
 * A field column: one exact value per fact as {@code value × 10^scale}, with a sentinel for "no value". Stored as
 * {@code int[]} when every value fits. The block methods fold a block of facts into per-group accumulators.
 */
abstract sealed class Numbers permits Numbers.Ints, Numbers.Longs {
    static final long NULL = Long.MIN_VALUE;

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

        Longs(long[] values) {
            this.values = values;
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
