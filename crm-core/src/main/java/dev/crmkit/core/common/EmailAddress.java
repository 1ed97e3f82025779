package dev.crmkit.core.common;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, normalized: trimmed, lower-cased. The normalized form is the de-duplication
 * key, so {@code " Ada@Example.COM "} and {@code "ada@example.com"} are the same address.
 */
public record EmailAddress(String value) {
    /** The longest address, in characters (RFC 5321: a path is at most 256 octets, two of them the brackets). */
    public static final int MAX_LENGTH = 254;

    // Pragmatic subset of RFC 5322: what real web forms accept; quoted local parts are not worth the confusion.
    private static final Pattern VALID = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = normalize(value);
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches() || value.contains("..")
                || value.startsWith(".") || value.contains(".@")) {
            throw new ValidationException("email", "is not a valid email address");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The normalization applied by the constructor, exposed so callers can build lookup keys the same way. */
    public static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
