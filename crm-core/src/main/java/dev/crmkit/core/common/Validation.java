package dev.crmkit.core.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem with an input before anything is written, then fails once with all of them: services
 * validate a whole request with one of these and call {@link #throwIfInvalid()} before their first write.
 */
public final class Validation {
    /**
     * The earliest instant a time field accepts. Every stored instant lies in [{@code EARLIEST_INSTANT},
     * {@link #END_OF_INSTANTS}): MariaDB's DATETIME starts at year 1000, reports add periods and zones to stored times,
     * and years 1900 to 2199 cover every date a CRM records or plans, so the range is well inside what each adapter and
     * report can hold.
     */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    /** The first instant after the accepted range (exclusive), see {@link #EARLIEST_INSTANT}. */
    public static final Instant END_OF_INSTANTS = Instant.parse("2200-01-01T00:00:00Z");

    private static final String OUT_OF_RANGE = "must be from " + EARLIEST_INSTANT + " until before "
            + END_OF_INSTANTS;

    private @Nullable String prefix; // built when first needed from the three below: most requests have no error
    private final @Nullable Validation parent;
    private final String path;
    private final int index;
    private final List<FieldError> errors;

    public Validation() {
        this.prefix = "";
        this.parent = null;
        this.path = "";
        this.index = -1;
        this.errors = new ArrayList<>();
    }

    private Validation(Validation parent, String path, int index) {
        this.parent = parent;
        this.path = path;
        this.index = index;
        this.errors = parent.errors;
    }

    /** A view whose field names start with {@code path.}, sharing this one's errors (e.g. for batch items). */
    public Validation nested(String path) {
        return new Validation(this, path, -1);
    }

    /** As {@link #nested(String)} for item {@code index} of a list: field names start with {@code path[index].}. */
    public Validation nested(String path, int index) {
        return new Validation(this, path, index);
    }

    private String prefix() {
        String built = prefix;
        if (built == null) {
            built = Objects.requireNonNull(parent).prefix() + path + (index < 0 ? "" : "[" + index + "]") + ".";
            prefix = built;
        }
        return built;
    }

    /** Records {@code reason} for {@code field} unless {@code ok}; returns {@code ok}. */
    public boolean check(boolean ok, String field, String reason) {
        if (!ok) {
            errors.add(new FieldError(prefix() + field, reason));
        }
        return ok;
    }

    /**
     * Records an error unless {@code value} has text, or when it holds characters no adapter stores exactly (see
     * {@link #singleLine}); returns the stripped text or null.
     */
    public @Nullable String requireText(String field, @Nullable String value) {
        String text = Text.blankToNull(value);
        if (check(text != null, field, "is required")) {
            singleLine(field, text);
        }
        return text;
    }

    /** {@link #requireText(String, String)} and {@link #maxLength} in one pass over the text. */
    public @Nullable String requireText(String field, @Nullable String value, int max) {
        String text = Text.blankToNull(value);
        if (check(text != null, field, "is required")) {
            maxLength(field, text, max);
        }
        return text;
    }

    /**
     * Records an error when {@code value} is longer than {@code max} characters or is not single-line text (see
     * {@link #singleLine}); returns whether it passes. Lengths are counted in UTF-16 units ({@link String#length()}),
     * never fewer than the characters a database counts, so a value that passes fits a column of that width on every
     * adapter.
     */
    public boolean maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            return check(false, field, "must be at most " + max + " characters");
        }
        return singleLine(field, value);
    }

    /**
     * As {@link #requireText} for text that may span lines (see {@link #multiLine}); returns the stripped text or
     * null.
     */
    public @Nullable String requireMultiLine(String field, @Nullable String value, int max) {
        String text = Text.blankToNull(value);
        if (check(text != null, field, "is required")) {
            multiLine(field, text, max);
        }
        return text;
    }

    /** {@link #maxLength} for each of {@code values} (tags, codes), reported once under {@code field}. */
    public boolean maxLengthEach(String field, Collection<String> values, int max) {
        if (values != null && !values.stream().allMatch(s -> s == null || s.length() <= max)) {
            return check(false, field, "must each be at most " + max + " characters");
        }
        return check(values == null || values.stream().allMatch(s -> s == null || Text.badChar(s, false) < 0),
                field, "must each be single-line text without control characters or unpaired surrogates");
    }

    /**
     * Records an error when {@code value} holds a control character (NUL, tab, line breaks, ...) or an unpaired UTF-16
     * surrogate: PostgreSQL refuses NUL, the databases store an unpaired surrogate as {@code ?}, so only text without
     * them reads back the same on every adapter. The message gives the position, never the value.
     */
    public boolean singleLine(String field, @Nullable String value) {
        int bad = value == null ? -1 : Text.badChar(value, false);
        // The message only when it is needed: every text field of every capture passes through here.
        return bad < 0 || check(false, field, "must be single-line text; character " + (bad + 1)
                + " is a control character or an unpaired surrogate");
    }

    /**
     * As {@link #maxLength} for text that may span lines (descriptions, notes, comments): tab, line feed and carriage
     * return are allowed, other control characters and unpaired surrogates are not. {@code max} of 0 means no limit.
     */
    public boolean multiLine(String field, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (max > 0 && value.length() > max) {
            return check(false, field, "must be at most " + max + " characters");
        }
        int bad = Text.badChar(value, true);
        return bad < 0 || check(false, field, "character " + (bad + 1)
                + " is a control character or an unpaired surrogate");
    }

    /** {@link #maxLengthEach} without a width: each value must be single-line text. */
    public boolean singleLineEach(String field, Collection<String> values) {
        return maxLengthEach(field, values, Integer.MAX_VALUE);
    }

    /**
     * Records an error when {@code value} lies outside [{@link #EARLIEST_INSTANT}, {@link #END_OF_INSTANTS}); null
     * passes. Returns whether it passes.
     */
    public boolean instant(String field, @Nullable Instant value) {
        return check(value == null || inRange(value), field, OUT_OF_RANGE);
    }

    /** Whether {@code value} lies in [{@link #EARLIEST_INSTANT}, {@link #END_OF_INSTANTS}). */
    public static boolean inRange(Instant value) {
        return !value.isBefore(EARLIEST_INSTANT) && value.isBefore(END_OF_INSTANTS);
    }

    /**
     * {@code value} cut to whole microseconds, the finest precision every database stores (PostgreSQL and H2 would
     * round the nanoseconds, MariaDB cut them), so a stored instant reads back equal everywhere; null stays null.
     */
    public static @Nullable Instant storable(@Nullable Instant value) {
        if (value == null) {
            return null;
        }
        // by arithmetic: Instant.now() has nanoseconds on Linux, and truncatedTo works through the nanosecond of day
        int nanos = value.getNano();
        return nanos % 1000 == 0 ? value : Instant.ofEpochSecond(value.getEpochSecond(), nanos - nanos % 1000);
    }

    /**
     * A top-level argument of a public method: a {@link ValidationException} naming {@code name} when it is null,
     * instead of a NullPointerException from somewhere inside. Returns it.
     */
    public static <T> T argument(String name, @Nullable T value) {
        if (value == null) {
            throw new ValidationException(name, "is required");
        }
        return value;
    }

    /**
     * Text that only selects (a lookup key, a search term): a {@link ValidationException} naming {@code field} when
     * it holds a control character or an unpaired surrogate, which no stored value can hold and PostgreSQL refuses
     * even to compare. {@code multiLine} also admits tab and line breaks. Returns it.
     */
    public static @Nullable String lookup(String field, @Nullable String value, boolean multiLine) {
        int bad = value == null ? -1 : Text.badChar(value, multiLine);
        if (bad >= 0) {
            throw new ValidationException(field, "character " + (bad + 1)
                    + " is a control character or an unpaired surrogate");
        }
        return value;
    }

    /** Records an error when {@code value} is null; returns it. */
    public <T> @Nullable T require(String field, @Nullable T value) {
        check(value != null, field, "is required");
        return value;
    }

    /**
     * Runs {@code parse} (typically a value object's constructor); its {@link ValidationException} is recorded under
     * {@code field} instead of escaping, and null is returned.
     */
    public <T> @Nullable T attempt(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(new FieldError(prefix() + field, err.reason())));
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

    /**
     * {@code value}, which a check returned null for only when it recorded an error: once {@link #throwIfInvalid()}
     * has passed it is present. A null here is a programming error (a check that failed without saying why).
     */
    public static <T> T checked(@Nullable T value) {
        return Objects.requireNonNull(value, "a value that passed validation is missing");
    }
}
