package dev.crmkit.core.automation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A delayed rule's run waiting for its time: for the rule, on the record of the event that triggered it. Taken by
 * exactly one {@code runDue}; cancelled when an event the rule names in {@code unless} happens to the record first.
 */
public record DueRun(UUID id, RuleId rule, UUID origin, UUID event, String eventType, String recordType,
                     String recordId, int depth, Instant dueAt) {
    public DueRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
