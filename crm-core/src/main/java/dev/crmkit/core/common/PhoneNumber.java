package dev.crmkit.core.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A phone number in E.164 form ({@code +14155550123}), the de-duplication key for phones. */
public record PhoneNumber(String value) {
    /** The longest number, in characters: + and at most 15 digits (E.164). */
    public static final int MAX_LENGTH = 16;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        Objects.requireNonNull(value, "phone");
        if (!E164.matcher(value).matches()) {
            throw new ValidationException("phone", "is not in E.164 form (+ country code and number)");
        }
    }

    /**
     * Parses a number as people type it ({@code (415) 555-0123}, {@code +44 20 7946 0958}); numbers without a
     * country code are read in {@code defaultRegion} (ISO 3166 alpha-2, may be null when the text starts with +).
     */
    public static PhoneNumber parse(String text, @Nullable String defaultRegion) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("phone", "is empty");
        }
        try {
            var parsed = UTIL.parse(text, defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                throw new ValidationException("phone", "is not a valid number: " + text);
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new ValidationException("phone", "cannot be read as a phone number: " + text);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
