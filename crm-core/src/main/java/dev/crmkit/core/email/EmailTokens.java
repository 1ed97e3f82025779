package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signed tokens of unsubscribe and confirmation links: {@code base64url(payload) "." base64url(HMAC-SHA256)}, the
 * payload {@code v1, purpose, tenant, address, expiry (epoch seconds, 0 for none), nonce} joined by line feeds, the
 * key the tenant's own: the HMAC of the tenant id under the settings' signing key. A token names its tenant, so a
 * link works without login; it cannot be forged or moved to another address or tenant without the key.
 */
final class EmailTokens {
    /** Longer input is refused unread. */
    static final int MAX_LENGTH = 2000;
    static final String UNSUBSCRIBE = "u";
    static final String CONFIRM = "c";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A verified token's content. */
    record Token(String purpose, TenantId tenant, EmailAddress email, long expires, String nonce) {
    }

    private EmailTokens() {
    }

    static String sign(String signingKey, String purpose, TenantId tenant, EmailAddress email, long expires,
                       String nonce) {
        String payload = String.join("\n", "v1", purpose, tenant.value(), email.value(), Long.toString(expires),
                nonce);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(tenantKey(signingKey, tenant), bytes));
    }

    /**
     * The content of {@code token} if it is a well-formed token for {@code purpose} whose signature holds; else a
     * {@link ValidationException} on {@code token} that never says which part failed.
     */
    static Token verify(String signingKey, String purpose, String token) {
        ValidationException invalid = new ValidationException("token", "is not a valid link");
        if (token == null || token.length() > MAX_LENGTH) {
            throw invalid;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            throw invalid;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        // Only the canonical text of those bytes: the decoder ignores a last character's unused bits, so without this
        // check several texts would pass for one token.
        if (!B64.encodeToString(payload).equals(parts[0]) || !B64.encodeToString(signature).equals(parts[1])) {
            throw invalid;
        }
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (f.length != 6 || !"v1".equals(f[0]) || !purpose.equals(f[1])) {
            throw invalid;
        }
        try {
            TenantId tenant = TenantId.of(f[2]);
            if (!MessageDigest.isEqual(mac(tenantKey(signingKey, tenant), payload), signature)) {
                throw invalid;
            }
            return new Token(purpose, tenant, EmailAddress.of(f[3]), Long.parseLong(f[4]), f[5]);
        } catch (RuntimeException e) {
            throw invalid;
        }
    }

    /** 16 random bytes as hex: the nonce of an opt-in request. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What is stored of a nonce: its SHA-256 in hex, so a database read gives no working link. */
    static String hash(String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] tenantKey(String signingKey, TenantId tenant) {
        return mac(signingKey.getBytes(StandardCharsets.UTF_8),
                ("crmkit-email-tenant\n" + tenant.value()).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
