package dev.crmkit.core.transfer;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A column mapping kept under a name for the next import of files of the same layout. */
public record SavedMapping(String name, ImportTarget target, ColumnMapping mapping, UserId savedBy, Instant savedAt) {
    /** The longest mapping name, in characters. */
    public static final int MAX_NAME = 100;

    public SavedMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
