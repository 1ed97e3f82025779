package dev.crmkit.core.audit;

import java.util.Objects;
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
}
