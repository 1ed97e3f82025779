package dev.crmkit.core.webhook;

import org.jspecify.annotations.Nullable;

/**
 * The sizes webhook endpoints and their delivery records keep; longer input is a {@code ValidationException} naming
 * the field. The JPA adapter's columns are exactly as wide (a test there reads them from the database).
 */
public final class WebhookLimits {
    /** An endpoint's URL, in characters. */
    public static final int URL = 2000;
    /** The fewest bytes (UTF-8) of an endpoint's secret: an HMAC key shorter than this is guessable. */
    public static final int SECRET_MIN_BYTES = 16;
    /** The longest secret, in characters. */
    public static final int SECRET = 200;
    /** An endpoint's description. */
    public static final int DESCRIPTION = 500;
    /** Why an endpoint was disabled; longer reasons are cut. */
    public static final int DISABLED_REASON = 500;
    /** Why a delivery to an endpoint failed; longer errors are cut. */
    public static final int ERROR = 1000;

    private WebhookLimits() {
    }

    /** {@code text} cut to {@code max} characters, never splitting a surrogate pair. */
    static @Nullable String cut(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
