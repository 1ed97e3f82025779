package dev.crmkit.core.transfer;

import dev.crmkit.core.transfer.RowOutcome.Action;
import java.util.List;

/**
 * The summary of an import (or of its dry run): what became of every row, in file order.
 *
 * @param dryRun whether nothing was written (a preview)
 * @param rows   one outcome per row
 */
public record ImportResult(boolean dryRun, List<RowOutcome> rows) {
    public ImportResult {
        rows = List.copyOf(rows);
    }

    public long created() {
        return count(Action.CREATED);
    }

    public long updated() {
        return count(Action.UPDATED);
    }

    public long skipped() {
        return count(Action.SKIPPED);
    }

    public long failed() {
        return count(Action.FAILED);
    }

    /** Rows that almost certainly are a stored record again, whatever the dedupe policy did with them. */
    public long duplicates() {
        return rows.stream().filter(r -> r.duplicateOf() != null).count();
    }

    /** The row numbers with {@code action}. */
    public List<Integer> rowsWith(Action action) {
        return rows.stream().filter(r -> r.action() == action).map(RowOutcome::row).toList();
    }

    /** The row numbers that are a stored record again. */
    public List<Integer> duplicateRows() {
        return rows.stream().filter(r -> r.duplicateOf() != null).map(RowOutcome::row).toList();
    }

    private long count(Action action) {
        return rows.stream().filter(r -> r.action() == action).count();
    }
}
