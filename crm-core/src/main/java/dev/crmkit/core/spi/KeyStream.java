package dev.crmkit.core.spi;

import java.security.SecureRandom;

/**
 * Unpredictable random bits for ids, cheaply: the key stream of ChaCha20 (RFC 8439), keyed from {@link SecureRandom}
 * and keyed again every gigabyte, as Linux's {@code getrandom} and OpenBSD's {@code arc4random} build theirs.
 * {@code SecureRandom}'s default on Linux (NativePRNG) costs ~150 ns per {@code long} (a SHA-1 block and a lock per
 * call). The block function is written out here rather than taken from the JDK's {@code Cipher}: Java 17's runs
 * ~26 ns per {@code long} (it XORs a buffer of zeros through generic cipher plumbing), this ~5 ns, and an ingestion
 * of a million events a second draws one per event. {@code KeyStreamTest} checks it against the JDK's cipher.
 */
final class KeyStream {
    private static final int BLOCKS = 64; // refilled 4 KB at a time
    private static final long GIGABYTE = 1L << 30;
    private final long rekeyBytes;
    private final SecureRandom seeds = new SecureRandom();
    private final int[] key = new int[8];
    private final int[] nonce = new int[3];
    private int counter;
    private final long[] buffer = new long[BLOCKS * 8];
    private int at = buffer.length;
    private long sinceKey;

    KeyStream() {
        this(GIGABYTE);
    }

    /** A stream keyed again after every {@code rekeyBytes} (a multiple of 4096). */
    KeyStream(long rekeyBytes) {
        this.rekeyBytes = rekeyBytes;
        rekey();
    }

    /** A stream with the given key and nonce, block counter from 0, never keyed again: for checking the cipher. */
    KeyStream(byte[] key, byte[] nonce) {
        this.rekeyBytes = Long.MAX_VALUE;
        setKey(key, nonce);
    }

    synchronized long nextLong() {
        if (at == buffer.length) {
            if (sinceKey >= rekeyBytes) {
                rekey();
            }
            for (int b = 0; b < BLOCKS; b++) {
                block(b * 8);
            }
            sinceKey += buffer.length * 8L;
            at = 0;
        }
        return buffer[at++];
    }

    private void rekey() {
        byte[] k = new byte[32];
        byte[] n = new byte[12];
        seeds.nextBytes(k);
        seeds.nextBytes(n);
        setKey(k, n);
    }

    private void setKey(byte[] k, byte[] n) {
        for (int i = 0; i < 8; i++) {
            key[i] = littleEndian(k, 4 * i);
        }
        for (int i = 0; i < 3; i++) {
            nonce[i] = littleEndian(n, 4 * i);
        }
        counter = 0;
        sinceKey = 0;
    }

    private static int littleEndian(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    /** One 64-byte block of key stream (RFC 8439, 2.3) into {@code buffer[to..to+8)}, words little-endian. */
    private void block(int to) {
        int x0 = 0x61707865;
        int x1 = 0x3320646e;
        int x2 = 0x79622d32;
        int x3 = 0x6b206574;
        int x4 = key[0];
        int x5 = key[1];
        int x6 = key[2];
        int x7 = key[3];
        int x8 = key[4];
        int x9 = key[5];
        int x10 = key[6];
        int x11 = key[7];
        int x12 = counter++;
        int x13 = nonce[0];
        int x14 = nonce[1];
        int x15 = nonce[2];
        for (int round = 0; round < 10; round++) {
            // columns
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
            // diagonals
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        int c = counter - 1;
        buffer[to] = words(x0 + 0x61707865, x1 + 0x3320646e);
        buffer[to + 1] = words(x2 + 0x79622d32, x3 + 0x6b206574);
        buffer[to + 2] = words(x4 + key[0], x5 + key[1]);
        buffer[to + 3] = words(x6 + key[2], x7 + key[3]);
        buffer[to + 4] = words(x8 + key[4], x9 + key[5]);
        buffer[to + 5] = words(x10 + key[6], x11 + key[7]);
        buffer[to + 6] = words(x12 + c, x13 + nonce[0]);
        buffer[to + 7] = words(x14 + nonce[1], x15 + nonce[2]);
    }

    /** Two little-endian words as the {@code long} their eight bytes make, little-endian. */
    private static long words(int low, int high) {
        return low & 0xFFFFFFFFL | (long) high << 32;
    }
}
