package dev.crmkit.core.common;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Someone else changed the record since it was read (optimistic lock conflict). Nothing was written; reload and
 * apply the change again. The message names the record and the versions, never its field values.
 */
public class ConcurrentUpdateException extends CrmException {
    private static final long UNKNOWN = -1;

    private final @Nullable String kind;
    private final @Nullable String recordId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * The {@code kind} record {@code id} was read at {@code expectedVersion} and is stored at {@code actualVersion};
     * that is empty when the storage cannot tell (an update guarded by the version matched no row).
     */
    public ConcurrentUpdateException(String kind, Object id, long expectedVersion, OptionalLong actualVersion) {
        this(kind, id, expectedVersion, actualVersion, null);
    }

    /** As {@link #ConcurrentUpdateException(String, Object, long, OptionalLong)}, caused by a storage failure. */
    public ConcurrentUpdateException(String kind, Object id, long expectedVersion, OptionalLong actualVersion,
                                     @Nullable Throwable cause) {
        super(kind + " " + id + " was changed concurrently: read at version " + expectedVersion
                + (actualVersion.isPresent() ? ", stored at version " + actualVersion.getAsLong()
                : ", no longer stored at that version") + "; reload and apply the change again", cause);
        this.kind = kind;
        this.recordId = String.valueOf(id);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion.orElse(UNKNOWN);
    }

    /** A conflict the storage cannot attribute to one record; {@link #kind()} and {@link #recordId()} are null. */
    public ConcurrentUpdateException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = null;
        this.recordId = null;
        this.expectedVersion = UNKNOWN;
        this.actualVersion = UNKNOWN;
    }

    /** The kind of record, as errors name it (e.g. {@code Opportunity}). */
    public @Nullable String kind() {
        return kind;
    }

    /** The record's id, as text. */
    public @Nullable String recordId() {
        return recordId;
    }

    /** The version the change was based on (the one read); -1 when not known. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version stored now, when the storage knows it. */
    public OptionalLong actualVersion() {
        return actualVersion == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(actualVersion);
    }
}
