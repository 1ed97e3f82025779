package dev.crmkit.core.memory;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Growable columns of primitives for column-wise tables, in chunks of {@link #CHUNK} rows: growing never copies the
 * rows, and retained heap stays within one chunk of what is stored (a doubled array would keep up to half empty).
 * The first chunk starts at 16 rows and doubles up to a whole one, so a table of a few rows (a small tenant's) stays
 * small. A lazy column allocates a chunk only when a row in it gets a value other than zero (or null), so a column most
 * rows leave empty costs next to nothing.
 */
final class Columns {
    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private Columns() {
    }

    static int chunks(int outer, int row) {
        int needed = (row >>> SHIFT) + 1;
        return needed <= outer ? outer : Math.max(needed, outer * 2);
    }

    /** The length chunk {@code chunk}, now {@code current} long, grows to so that it holds index {@code at}. */
    static int length(int chunk, int at, int current) {
        if (chunk > 0) {
            return CHUNK;
        }
        return Math.min(CHUNK, Math.max(Math.max(16, current * 2), Integer.highestOneBit(at) << 1));
    }

    /** A column of {@code long}. */
    static final class Longs {
        private long[][] chunks = new long[4][];

        long get(int row) {
            int i = row >>> SHIFT;
            long[] c = i < chunks.length ? chunks[i] : null;
            int at = row & MASK;
            return c == null || at >= c.length ? 0 : c[at];
        }

        void set(int row, long value) {
            int i = row >>> SHIFT;
            if (i >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Columns.chunks(chunks.length, row));
            }
            long[] c = chunks[i];
            int at = row & MASK;
            if (c == null || at >= c.length) {
                if (value == 0) {
                    return;
                }
                c = Arrays.copyOf(c == null ? new long[0] : c, length(i, at, c == null ? 0 : c.length));
                chunks[i] = c;
            }
            c[at] = value;
        }
    }

    /** A column of {@code int}. */
    static final class Ints {
        private int[][] chunks = new int[4][];

        int get(int row) {
            int i = row >>> SHIFT;
            int[] c = i < chunks.length ? chunks[i] : null;
            int at = row & MASK;
            return c == null || at >= c.length ? 0 : c[at];
        }

        void set(int row, int value) {
            int i = row >>> SHIFT;
            if (i >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Columns.chunks(chunks.length, row));
            }
            int[] c = chunks[i];
            int at = row & MASK;
            if (c == null || at >= c.length) {
                if (value == 0) {
                    return;
                }
                c = Arrays.copyOf(c == null ? new int[0] : c, length(i, at, c == null ? 0 : c.length));
                chunks[i] = c;
            }
            c[at] = value;
        }
    }

    /** A column of {@code byte}. */
    static final class Bytes {
        private byte[][] chunks = new byte[4][];

        byte get(int row) {
            int i = row >>> SHIFT;
            byte[] c = i < chunks.length ? chunks[i] : null;
            int at = row & MASK;
            return c == null || at >= c.length ? 0 : c[at];
        }

        void set(int row, byte value) {
            int i = row >>> SHIFT;
            if (i >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Columns.chunks(chunks.length, row));
            }
            byte[] c = chunks[i];
            int at = row & MASK;
            if (c == null || at >= c.length) {
                if (value == 0) {
                    return;
                }
                c = Arrays.copyOf(c == null ? new byte[0] : c, length(i, at, c == null ? 0 : c.length));
                chunks[i] = c;
            }
            c[at] = value;
        }
    }

    /** A column of references, for values few rows have. */
    static final class Refs<T> {
        private @Nullable Object[][] chunks = new Object[4][];

        @SuppressWarnings("unchecked")
        @Nullable T get(int row) {
            int i = row >>> SHIFT;
            Object[] c = i < chunks.length ? chunks[i] : null;
            int at = row & MASK;
            return c == null || at >= c.length ? null : (T) c[at];
        }

        void set(int row, @Nullable T value) {
            int i = row >>> SHIFT;
            if (i >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Columns.chunks(chunks.length, row));
            }
            Object[] c = chunks[i];
            int at = row & MASK;
            if (c == null || at >= c.length) {
                if (value == null) {
                    return;
                }
                c = Arrays.copyOf(c == null ? new Object[0] : c, length(i, at, c == null ? 0 : c.length));
                chunks[i] = c;
            }
            c[at] = value;
        }
    }
}
