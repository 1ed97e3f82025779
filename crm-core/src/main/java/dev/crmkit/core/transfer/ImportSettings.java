package dev.crmkit.core.transfer;

import dev.crmkit.core.common.ValidationException;

/**
 * Bounds of an import: the largest file read (a larger one is refused before anything is written), the most rows,
 * and how many rows share one transaction. Set with {@code Crm.builder().with(ImportSettings)}.
 *
 * @param maxBytes  the largest file, in bytes (default 64 MiB)
 * @param maxRows   the most data rows or cards in one file (default 1,000,000)
 * @param batchRows rows written per transaction (default 500): larger is faster, a failing batch rolls back more
 */
public record ImportSettings(long maxBytes, int maxRows, int batchRows) {
    public ImportSettings {
        if (maxBytes < 1) {
            throw new ValidationException("maxBytes", "must be at least 1");
        }
        if (maxRows < 1) {
            throw new ValidationException("maxRows", "must be at least 1");
        }
        if (batchRows < 1 || batchRows > 10_000) {
            throw new ValidationException("batchRows", "must be 1..10000");
        }
    }

    public static ImportSettings defaults() {
        return new ImportSettings(64L << 20, 1_000_000, 500);
    }
}
