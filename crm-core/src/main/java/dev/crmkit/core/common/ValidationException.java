package dev.crmkit.core.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input was rejected; {@link #errors()} names every offending field at once, and nothing was written. */
public class ValidationException extends CrmException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    /** Every violated field with its reason, in the order they were found. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Every error as one line; never absent, unlike a plain exception's message. */
    @Override
    public String getMessage() {
        return describe(errors);
    }

    /** True when some error names {@code field}. */
    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private static String describe(List<FieldError> errors) {
        return "invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
