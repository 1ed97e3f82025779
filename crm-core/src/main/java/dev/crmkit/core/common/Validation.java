package dev.crmkit.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem with an input before anything is written, then fails once with all of them: services
 * validate a whole request with one of these and call {@link #throwIfInvalid()} before their first write.
 */
public final class Validation {
    private final String prefix;
    private final List<FieldError> errors;

    public Validation() {
        this("", new ArrayList<>());
    }

    private Validation(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A view whose field names start with {@code prefix + "."}, sharing this one's errors (e.g. for batch items). */
    public Validation nested(String path) {
        return new Validation(prefix + path + ".", errors);
    }

    /** Records {@code reason} for {@code field} unless {@code ok}; returns {@code ok}. */
    public boolean check(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new FieldError(prefix + field, reason));
        }
        return ok;
    }

    /**
     * Records an error unless {@code value} has text, or when it holds characters no adapter stores exactly (see
     * {@link #singleLine}); returns the stripped text or null.
     */
    public String requireText(String field, String value) {
        String text = Text.blankToNull(value);
        if (check(text != null, field, "is required")) {
            singleLine(field, text);
        }
        return text;
    }

    /**
     * Records an error when {@code value} is longer than {@code max} characters or is not single-line text (see
     * {@link #singleLine}); returns whether it passes. Lengths are counted in UTF-16 units ({@link String#length()}),
     * never fewer than the characters a database counts, so a value that passes fits a column of that width on every
     * adapter.
     */
    public boolean maxLength(String field, String value, int max) {
        return check(value == null || value.length() <= max, field, "must be at most " + max + " characters")
                && singleLine(field, value);
    }

    /** {@link #maxLength} for each of {@code values} (tags, codes), reported once under {@code field}. */
    public boolean maxLengthEach(String field, Collection<String> values, int max) {
        return check(values == null || values.stream().allMatch(s -> s == null || s.length() <= max), field,
                "must each be at most " + max + " characters")
                && check(values == null || values.stream().allMatch(s -> s == null || Text.badChar(s, false) < 0),
                field, "must each be single-line text without control characters or unpaired surrogates");
    }

    /**
     * Records an error when {@code value} holds a control character (NUL, tab, line breaks, ...) or an unpaired UTF-16
     * surrogate: PostgreSQL refuses NUL, the databases store an unpaired surrogate as {@code ?}, so only text without
     * them reads back the same on every adapter. The message gives the position, never the value.
     */
    public boolean singleLine(String field, String value) {
        int bad = value == null ? -1 : Text.badChar(value, false);
        return check(bad < 0, field, "must be single-line text; character " + (bad + 1)
                + " is a control character or an unpaired surrogate");
    }

    /**
     * As {@link #maxLength} for text that may span lines (descriptions, notes, comments): tab, line feed and carriage
     * return are allowed, other control characters and unpaired surrogates are not. {@code max} of 0 means no limit.
     */
    public boolean multiLine(String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (max > 0 && !check(value.length() <= max, field, "must be at most " + max + " characters")) {
            return false;
        }
        int bad = Text.badChar(value, true);
        return check(bad < 0, field, "character " + (bad + 1)
                + " is a control character or an unpaired surrogate");
    }

    /** Records an error when {@code value} is null; returns it. */
    public <T> T require(String field, T value) {
        check(value != null, field, "is required");
        return value;
    }

    /**
     * Runs {@code parse} (typically a value object's constructor); its {@link ValidationException} is recorded under
     * {@code field} instead of escaping, and null is returned.
     */
    public <T> T attempt(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(new FieldError(prefix + field, err.reason())));
            return null;
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws a {@link ValidationException} naming every recorded field, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
