package dev.crmkit.core.webhook;

import dev.crmkit.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key an endpoint's deliveries are signed with (HMAC-SHA256 of its UTF-8 bytes), shared with the receiver. At
 * least {@value WebhookLimits#SECRET_MIN_BYTES} bytes in UTF-8 and at most {@value WebhookLimits#SECRET} characters.
 * Its {@link #toString()} never shows it, and no error message quotes it; only {@link #value()} does.
 */
public record WebhookSecret(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (value == null || value.isEmpty()) {
            throw new ValidationException("secret", "is required");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < WebhookLimits.SECRET_MIN_BYTES) {
            throw new ValidationException("secret", "must be at least " + WebhookLimits.SECRET_MIN_BYTES
                    + " bytes in UTF-8");
        }
        if (value.length() > WebhookLimits.SECRET) {
            throw new ValidationException("secret", "must be at most " + WebhookLimits.SECRET + " characters");
        }
    }

    public static WebhookSecret of(String value) {
        return new WebhookSecret(value);
    }

    /** A new secret of 32 random bytes as 64 hex digits, for hosts that hand one to the receiver. */
    public static WebhookSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(HexFormat.of().formatHex(bytes));
    }

    byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookSecret[****]";
    }
}
