package dev.crmkit.core.audit;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One field of a record changed: {@code field} is its name as the record's JSON names it (a nested value's as
 * {@code address.city}); values are text (JSON for lists, sets and maps), null for none. Elements appended to a list
 * show as {@code field[+]}, with {@code after} the added elements only.
 */
public record FieldChange(String field, @Nullable String before, @Nullable String after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    /** This change with both values passed through {@code scrub} (an erasure's, for a record that is kept). */
    public FieldChange scrubbed(UnaryOperator<String> scrub) {
        return new FieldChange(field, before == null ? null : scrub.apply(before),
                after == null ? null : scrub.apply(after));
    }
}
