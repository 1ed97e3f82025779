package dev.crmkit.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code CRMKit-Signature} header: {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the endpoint's
 * secret (UTF-8), of the text {@code <CRMKit-Timestamp>.<body>} (UTF-8). Signing the timestamp with the body lets a
 * receiver refuse a captured request replayed later. Receivers in Java can check a request with {@link #verify}.
 */
public final class WebhookSignature {
    /** The only scheme so far; a later one gets a new prefix, so receivers can accept both while switching. */
    public static final String SCHEME = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return SCHEME + "=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                timestamp + "." + body));
    }

    static String sign(WebhookSecret secret, long timestamp, String body) {
        return SCHEME + "=" + HexFormat.of().formatHex(hmac(secret.bytes(), timestamp + "." + body));
    }

    /**
     * Whether a received request is authentic and fresh: {@code signatureHeader} holds a {@code v1=} signature (of
     * possibly several, comma-separated) of {@code body} at {@code timestampHeader} under {@code secret}, and that
     * timestamp lies within {@code tolerance} of now (system clock). Compares in constant time.
     *
     * @param body the request body exactly as received (its text, decoded as UTF-8)
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Duration tolerance) {
        return verify(secret, timestampHeader, body, signatureHeader, tolerance, Instant.now());
    }

    /** As {@link #verify(String, String, String, String, Duration)}, at {@code now}. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Duration tolerance, Instant now) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(now, "now");
        if (secret.isEmpty() || timestampHeader == null || body == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String part : signatureHeader.split(",")) {
            // Keep comparing after a match: the time taken must not depend on which part matched.
            match |= MessageDigest.isEqual(expected, part.strip().getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256, and any key length is valid for it.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
