package dev.crmkit.core.automation;

import java.time.Instant;
import java.util.UUID;

/** What a run is for: the triggering event, its chain, and the record it is about. */
record Trigger(UUID origin, UUID event, String eventType, String recordType, String recordId, int depth,
               Instant occurredAt) {
    static Trigger of(DueRun due) {
        return new Trigger(due.origin(), due.event(), due.eventType(), due.recordType(), due.recordId(),
                due.depth(), due.dueAt());
    }
}
