package dev.crmkit.core.common;

import java.util.Objects;

/**
 * One violated rule on one input field.
 *
 * @param field  the field's name as the caller knows it (a form field name, or a path such as {@code address.country})
 * @param reason why the value was rejected, in words a person can act on
 */
public record FieldError(String field, String reason) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
