package dev.crmkit.core.automation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run of a rule on one record, as logged: which rule (at which version), which event triggered it and which
 * event started the chain ({@code origin}: itself, unless the event was raised by another rule's actions), how deep
 * in that chain ({@code depth} 0 for an event the host's work raised), what the actions did and how it ended. A rule
 * runs at most once per (origin, rule, record).
 */
public record RuleRun(UUID id, RuleId rule, long ruleVersion, String ruleName, UUID origin, UUID event,
                      String eventType, String recordType, String recordId, int depth, RunOutcome outcome,
                      List<String> actions, @Nullable String error, Instant ranAt) {
    /** Longest stored error text. */
    public static final int MAX_ERROR = 1000;

    public RuleRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ranAt, "ranAt");
        actions = List.copyOf(actions);
        error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
