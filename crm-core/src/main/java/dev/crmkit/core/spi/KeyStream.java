package dev.crmkit.core.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unpredictable random bits for ids, cheaply: the key stream of ChaCha20 (the JDK's cipher), keyed from
 * {@link SecureRandom} and keyed again every gigabyte, as Linux's {@code getrandom} and OpenBSD's {@code arc4random}
 * build theirs. {@code SecureRandom}'s default on Linux (NativePRNG) costs ~150 ns per {@code long} (a SHA-1 block
 * and a lock per call); this ~14 ns, which an ingestion of a million events a second needs.
 */
final class KeyStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int BUFFER = 4096;
    private static final long GIGABYTE = 1L << 30;
    private final long rekeyBytes;
    private final SecureRandom seeds = new SecureRandom();
    private final byte[] zeros = new byte[BUFFER];
    private final byte[] buffer = new byte[BUFFER];
    private int at = BUFFER;
    private long sinceKey;
    private Cipher cipher;

    KeyStream() {
        this(GIGABYTE);
    }

    /** A stream keyed again after every {@code rekeyBytes} (a multiple of 4096). */
    KeyStream(long rekeyBytes) {
        this.rekeyBytes = rekeyBytes;
        this.cipher = keyed();
    }

    synchronized long nextLong() {
        if (at == BUFFER) {
            if (sinceKey >= rekeyBytes) {
                cipher = keyed();
                sinceKey = 0;
            }
            try {
                cipher.update(zeros, 0, BUFFER, buffer, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("ChaCha20 key stream", e);
            }
            sinceKey += BUFFER;
            at = 0;
        }
        long bits = (long) LONGS.get(buffer, at);
        at += 8;
        return bits;
    }

    private Cipher keyed() {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        seeds.nextBytes(key);
        seeds.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("ChaCha20");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 0));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20 is part of every Java 11+ runtime", e);
        }
    }
}
