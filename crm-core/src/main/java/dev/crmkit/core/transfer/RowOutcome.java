package dev.crmkit.core.transfer;

import dev.crmkit.core.common.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one row of an import file.
 *
 * @param row         the row's number as a spreadsheet shows it (the header is row 1), or the card's number
 * @param action      what was (or, in a dry run, would be) done
 * @param record      the lead, contact or account created, updated, or already holding the row; null when failed,
 *                    and for rows a dry run would create
 * @param duplicateOf the stored record the row almost certainly is again, or null
 * @param note        why a row was skipped ("imported before", "duplicate", "nothing to fill"), or null
 * @param errors      why it failed, each field named by its column header
 */
public record RowOutcome(int row, Action action, @Nullable UUID record, @Nullable UUID duplicateOf,
                         @Nullable String note, List<FieldError> errors) {
    public enum Action { CREATED, UPDATED, SKIPPED, FAILED }

    public RowOutcome {
        Objects.requireNonNull(action, "action");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
