package dev.crmkit.core.audit;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stored audit entries of the transaction's tenant: appended, read, and deleted only by age. */
public interface AuditRepository {
    /** Stores {@code entries} in this transaction. */
    void append(List<AuditEntry> entries);

    /** The entries of record {@code recordId}, oldest first (by version, then time). */
    Page<AuditEntry> forRecord(UUID recordId, PageRequest page);

    /** The entries {@code actor} caused at or after {@code from} and before {@code to}, oldest first (time, id). */
    Page<AuditEntry> byActor(UserId actor, Instant from, Instant to, PageRequest page);

    /** Deletes the entries made before {@code cutoff}; how many. */
    long deleteBefore(Instant cutoff);
}
