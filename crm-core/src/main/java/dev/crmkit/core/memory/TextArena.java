package dev.crmkit.core.memory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Short texts packed into large byte blocks, addressed by a {@code long}: a text of Latin-1 characters takes one byte
 * per character, any other two (UTF-16, so every string, unpaired surrogates too, reads back exactly), after a
 * two-byte header. A {@code String} of its own would cost ~50 bytes more for an event id of a dozen characters.
 * Blocks are 1 MB; the last one grows to that size as texts arrive.
 */
final class TextArena {
    static final int MAX_LENGTH = Short.MAX_VALUE;
    private static final int BLOCK_BITS = 20;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private byte[][] blocks = new byte[4][];
    private long end;

    /** Stores {@code text} (at most {@link #MAX_LENGTH} characters) and returns its address. */
    long add(String text) {
        int n = text.length();
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException("text longer than " + MAX_LENGTH);
        }
        boolean latin1 = true;
        for (int i = 0; i < n && latin1; i++) {
            latin1 = text.charAt(i) < 0x100;
        }
        int bytes = 2 + (latin1 ? n : 2 * n);
        int offset = (int) (end & (BLOCK - 1));
        if (offset + bytes > BLOCK) {
            end += BLOCK - offset; // a text never straddles two blocks
        }
        int b = (int) (end >>> BLOCK_BITS);
        if (b >= blocks.length) {
            blocks = Arrays.copyOf(blocks, blocks.length * 2);
        }
        byte[] block = blocks[b];
        int at = (int) (end & (BLOCK - 1));
        if (block == null || block.length < at + bytes) {
            // a block grows from 256 bytes by doubling: a few texts (a small tenant's) take little room
            int length = Math.min(BLOCK, Math.max(Math.max(256, block == null ? 0 : block.length * 2),
                    Integer.highestOneBit(at + bytes) << 1));
            block = Arrays.copyOf(block == null ? new byte[0] : block, length);
            blocks[b] = block;
        }
        int header = n << 1 | (latin1 ? 0 : 1);
        block[at] = (byte) (header >>> 8);
        block[at + 1] = (byte) header;
        int p = at + 2;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (latin1) {
                block[p++] = (byte) c;
            } else {
                block[p++] = (byte) (c >>> 8);
                block[p++] = (byte) c;
            }
        }
        long address = end;
        end += bytes;
        return address;
    }

    String get(long address) {
        byte[] block = blocks[(int) (address >>> BLOCK_BITS)];
        int at = (int) (address & (BLOCK - 1));
        int header = header(block, at);
        int n = header >>> 1;
        if ((header & 1) == 0) {
            return new String(block, at + 2, n, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) ((block[at + 2 + 2 * i] & 0xFF) << 8 | (block[at + 3 + 2 * i] & 0xFF));
        }
        return new String(chars);
    }

    /** Whether the text at {@code address} is {@code text}, without reading it into a string. */
    boolean equals(long address, String text) {
        byte[] block = blocks[(int) (address >>> BLOCK_BITS)];
        int at = (int) (address & (BLOCK - 1));
        int header = header(block, at);
        int n = header >>> 1;
        if (n != text.length()) {
            return false;
        }
        at += 2;
        if ((header & 1) == 0) {
            for (int i = 0; i < n; i++) {
                if ((block[at + i] & 0xFF) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (((block[at + 2 * i] & 0xFF) << 8 | (block[at + 2 * i + 1] & 0xFF)) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The {@link TextHash} under {@code seed} of the text at {@code address}, as {@link TextHash#of} gives it. */
    int hash(long address, long seed) {
        byte[] block = blocks[(int) (address >>> BLOCK_BITS)];
        int at = (int) (address & (BLOCK - 1));
        int header = header(block, at);
        int n = header >>> 1;
        boolean wide = (header & 1) != 0;
        at += 2;
        long h = seed;
        long four = 0;
        int shift = 0;
        for (int i = 0; i < n; i++) {
            long c = wide ? (block[at + 2 * i] & 0xFF) << 8 | (block[at + 2 * i + 1] & 0xFF) : block[at + i] & 0xFF;
            four |= c << shift;
            shift += 16;
            if (shift == 64) {
                h = TextHash.step(h, four);
                four = 0;
                shift = 0;
            }
        }
        return TextHash.finish(TextHash.step(h, four), n);
    }

    /** The two-byte header at {@code at}: the text's length times two, plus one when it is wide (UTF-16). */
    private static int header(byte[] block, int at) {
        return (block[at] & 0xFF) << 8 | (block[at + 1] & 0xFF);
    }

    /** Forgets the last text added, at {@code address} (a rolled-back insert), so its bytes are used again. */
    void removeLast(long address) {
        end = address;
    }

    /**
     * Overwrites the text at {@code address} with zeros: it is gone from the heap (an erased person's visitor id).
     * The last text's bytes are used again; another's stay unused (a text is erased when no row holds it any more,
     * which erasure and rollbacks do, not ingestion).
     */
    void erase(long address) {
        byte[] block = blocks[(int) (address >>> BLOCK_BITS)];
        int at = (int) (address & (BLOCK - 1));
        int header = header(block, at);
        int bytes = 2 + ((header & 1) == 0 ? header >>> 1 : header & ~1);
        Arrays.fill(block, at, at + bytes, (byte) 0);
        if (address + bytes == end) {
            end = address;
        }
    }
}
