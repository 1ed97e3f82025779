package dev.crmkit.core.document;

import dev.crmkit.core.common.ValidationException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.Tika;

/**
 * An upload on its way to the store: its media type detected from its first bytes, then counted (refused past the
 * limit) and hashed while the store reads it, so no document is ever held whole.
 */
final class Upload extends FilterInputStream {
    /** Bytes Tika may look at; enough for the magic numbers and the start of a zip container's directory. */
    private static final int SNIFF = 64 * 1024;
    private static final Tika TIKA = new Tika();

    private final long maxBytes;
    private final MessageDigest sha256;
    private final String mediaType;
    private long size;

    Upload(InputStream content, long maxBytes) throws IOException {
        super(new BufferedInputStream(content, SNIFF));
        this.maxBytes = maxBytes;
        in.mark(SNIFF);
        this.mediaType = TIKA.detect(in);
        in.reset();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    String mediaType() {
        return mediaType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("an upload is read whole");
    }

    private void counted(int n) {
        size += n;
        if (size > maxBytes) {
            throw new ValidationException("content", "must be at most " + maxBytes + " bytes");
        }
    }
}
