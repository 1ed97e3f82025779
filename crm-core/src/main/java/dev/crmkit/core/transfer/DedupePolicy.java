package dev.crmkit.core.transfer;

/**
 * What an import does with a row that is almost certainly a record already stored (a duplicate at the
 * {@code almostCertain} threshold of the duplicate rules; see {@code DuplicateRules}).
 */
public enum DedupePolicy {
    /** Leave the stored record alone; the row is counted as a duplicate and skipped. */
    SKIP,
    /** Fill the stored record's empty fields from the row (nothing it holds is overwritten). */
    UPDATE_EMPTY,
    /** Store the row as a new record anyway; a lead is flagged with its duplicates as on any capture. */
    FLAG
}
