package dev.crmkit.reporting;

/**
 * A dictionary-encoded dimension column: one code per fact, and the key each code stands for. Stored in the
 * narrowest array its number of distinct keys allows. The block methods hold the hot loops, so each stays
 * monomorphic however the column is stored.
 */
abstract sealed class Codes permits Codes.Bytes, Codes.Chars, Codes.Ints {
    /** Key of each code; may hold one null (facts without a value). */
    final String[] keys;
    /** The code of the null key, or -1. */
    final int nullCode;

    private Codes(String[] keys) {
        this.keys = keys;
        int n = -1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                n = i;
            }
        }
        this.nullCode = n;
    }

    static Codes of(int[] codes, int rows, String[] keys) {
        if (keys.length <= 1 << 8) {
            byte[] b = new byte[rows];
            for (int i = 0; i < rows; i++) {
                b[i] = (byte) codes[i];
            }
            return new Bytes(b, keys);
        }
        if (keys.length <= 1 << 16) {
            char[] c = new char[rows];
            for (int i = 0; i < rows; i++) {
                c[i] = (char) codes[i];
            }
            return new Chars(c, keys);
        }
        return new Ints(java.util.Arrays.copyOf(codes, rows), keys);
    }

    int cardinality() {
        return keys.length;
    }

    abstract int code(int row);

    /** {@code out[j] += code(start + j) * stride} for the block. */
    abstract void addKeys(int start, int len, long stride, long[] out);

    /** {@code out[j] = code(start + j) * stride}, or {@code +=} unless {@code first}, for the block. */
    abstract void groups(int start, int len, int stride, boolean first, int[] out);

    /** {@code out[j] = in[j] && allowed[code(start + j)]} for the block; {@code in} and {@code out} may be one. */
    abstract void restrict(int start, int len, boolean[] allowed, boolean[] in, boolean[] out);

    /** Bytes held by the codes array. */
    abstract long bytes();

    static final class Bytes extends Codes {
        private final byte[] codes;

        Bytes(byte[] codes, String[] keys) {
            super(keys);
            this.codes = codes;
        }

        @Override
        int code(int row) {
            return codes[row] & 0xFF;
        }

        @Override
        void addKeys(int start, int len, long stride, long[] out) {
            for (int j = 0; j < len; j++) {
                out[j] += (codes[start + j] & 0xFF) * stride;
            }
        }

        @Override
        void groups(int start, int len, int stride, boolean first, int[] out) {
            if (first) {
                for (int j = 0; j < len; j++) {
                    out[j] = (codes[start + j] & 0xFF) * stride;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[j] += (codes[start + j] & 0xFF) * stride;
                }
            }
        }

        /** As {@link #groups} of this column and then of {@code other}, in one loop. */
        void groups(int start, int len, int stride, Bytes other, int otherStride, boolean first, int[] out) {
            byte[] more = other.codes;
            if (first) {
                for (int j = 0; j < len; j++) {
                    out[j] = (codes[start + j] & 0xFF) * stride + (more[start + j] & 0xFF) * otherStride;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[j] += (codes[start + j] & 0xFF) * stride + (more[start + j] & 0xFF) * otherStride;
                }
            }
        }

        @Override
        void restrict(int start, int len, boolean[] allowed, boolean[] in, boolean[] out) {
            for (int j = 0; j < len; j++) {
                out[j] = in[j] && allowed[codes[start + j] & 0xFF];
            }
        }

        @Override
        long bytes() {
            return codes.length;
        }
    }

    static final class Chars extends Codes {
        private final char[] codes;

        Chars(char[] codes, String[] keys) {
            super(keys);
            this.codes = codes;
        }

        @Override
        int code(int row) {
            return codes[row];
        }

        @Override
        void addKeys(int start, int len, long stride, long[] out) {
            for (int j = 0; j < len; j++) {
                out[j] += codes[start + j] * stride;
            }
        }

        @Override
        void groups(int start, int len, int stride, boolean first, int[] out) {
            if (first) {
                for (int j = 0; j < len; j++) {
                    out[j] = codes[start + j] * stride;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[j] += codes[start + j] * stride;
                }
            }
        }

        @Override
        void restrict(int start, int len, boolean[] allowed, boolean[] in, boolean[] out) {
            for (int j = 0; j < len; j++) {
                out[j] = in[j] && allowed[codes[start + j]];
            }
        }

        @Override
        long bytes() {
            return 2L * codes.length;
        }
    }

    static final class Ints extends Codes {
        private final int[] codes;

        Ints(int[] codes, String[] keys) {
            super(keys);
            this.codes = codes;
        }

        @Override
        int code(int row) {
            return codes[row];
        }

        @Override
        void addKeys(int start, int len, long stride, long[] out) {
            for (int j = 0; j < len; j++) {
                out[j] += codes[start + j] * stride;
            }
        }

        @Override
        void groups(int start, int len, int stride, boolean first, int[] out) {
            if (first) {
                for (int j = 0; j < len; j++) {
                    out[j] = codes[start + j] * stride;
                }
            } else {
                for (int j = 0; j < len; j++) {
                    out[j] += codes[start + j] * stride;
                }
            }
        }

        @Override
        void restrict(int start, int len, boolean[] allowed, boolean[] in, boolean[] out) {
            for (int j = 0; j < len; j++) {
                out[j] = in[j] && allowed[codes[start + j]];
            }
        }

        @Override
        long bytes() {
            return 4L * codes.length;
        }
    }
}
