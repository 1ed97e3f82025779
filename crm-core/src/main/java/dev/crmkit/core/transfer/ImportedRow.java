package dev.crmkit.core.transfer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A row an import stored or updated a record from, remembered by a hash of its content, so that importing the same
 * row again (the same file re-run, or a repeated line) creates nothing.
 *
 * @param key    the row's content hash (hex SHA-256 of the target and its mapped values)
 * @param target what the row became
 * @param record the lead, contact or account it became or filled
 */
public record ImportedRow(String key, ImportTarget target, UUID record, Instant importedAt) {
    public ImportedRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
