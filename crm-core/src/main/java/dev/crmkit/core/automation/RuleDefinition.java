package dev.crmkit.core.automation;

import dev.crmkit.core.segment.Criteria;
import java.util.List;
import java.util.Objects;

/**
 * What a workflow rule does: when an event named {@code event} (an {@code EventTypes} name) is delivered and
 * {@code criteria} hold for the record it is about, run {@code actions} in order. Build one from JSON with
 * {@link #fromJson}, which validates it; {@link #toJson} writes what {@link #fromJson} reads.
 */
public record RuleDefinition(String name, String event, Criteria criteria, List<RuleAction> actions) {
    public RuleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(criteria, "criteria");
        actions = List.copyOf(actions);
    }

    /**
     * Reads and validates a rule. Malformed or oversized JSON, an unknown event type, a criteria field that does not
     * exist for the event's record, or an action missing a parameter is a
     * {@link dev.crmkit.core.common.ValidationException} naming every bad path (e.g. {@code actions[2].assignee}).
     */
    public static RuleDefinition fromJson(String json) {
        return RuleJson.read(json);
    }

    /** This rule as JSON. */
    public String toJson() {
        return RuleJson.write(this);
    }
}
