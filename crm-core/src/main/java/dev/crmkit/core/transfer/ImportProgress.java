package dev.crmkit.core.transfer;

/**
 * Told how an import is getting on, after each batch of rows: for a progress bar or a log line. Called on the
 * importing thread, between transactions; it should return quickly.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Nothing to tell. */
    ImportProgress NONE = (done, total, failed) -> { };

    /**
     * @param rowsDone  rows handled so far (created, updated, skipped or failed)
     * @param rowsTotal rows in the file
     * @param failed    rows refused so far
     */
    void update(int rowsDone, int rowsTotal, int failed);
}
