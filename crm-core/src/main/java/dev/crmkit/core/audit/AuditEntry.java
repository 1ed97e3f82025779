package dev.crmkit.core.audit;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One write of one record: {@code recordType} is the aggregate's kind ({@code Lead}, {@code Opportunity}, ...),
 * {@code version} the version the write stored, {@code operation} the public service method it came through
 * ({@code LeadService.update}), {@code actor} who called it.
 */
public record AuditEntry(UUID id, String recordType, UUID recordId, long version, AuditAction action, UserId actor,
                         Instant at, String operation, List<FieldChange> changes) {
    /** The longest record type, in characters. */
    public static final int MAX_TYPE = 64;
    /** The longest operation name, in characters. */
    public static final int MAX_OPERATION = 128;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        changes = List.copyOf(changes);
        if (recordType.length() > MAX_TYPE || operation.length() > MAX_OPERATION) {
            throw new IllegalArgumentException("record type or operation too long: " + recordType + ", " + operation);
        }
    }

    /** The change of {@code field}, or null when this entry did not change it. */
    public @Nullable FieldChange change(String field) {
        return changes.stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
    }
}
