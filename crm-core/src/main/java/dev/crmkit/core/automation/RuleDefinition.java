package dev.crmkit.core.automation;

import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.segment.Criteria;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a workflow rule does: when an event named {@code event} (an {@code EventTypes} name) is delivered and
 * {@code criteria} hold for the record it is about, run {@code actions} in order. With {@code after}, the rule is
 * time-based: it runs that long after the event, from the host's schedule ({@code AutomationService.runDue}), with
 * the criteria checked then, and not at all when an event named in {@code unless} happened to the record meanwhile
 * ("lead not contacted within 2 days"). A rule on {@code SegmentEntered} names its {@code segment} and acts on the
 * records entering it. Build one from JSON with {@link #fromJson}, which validates it; {@link #toJson} writes what
 * {@link #fromJson} reads.
 */
public record RuleDefinition(String name, String event, Criteria criteria, List<RuleAction> actions,
                             @Nullable Duration after, Set<String> unless, @Nullable SegmentId segment) {
    /** The longest name, task title, alert message or tag, in characters. */
    public static final int MAX_TEXT = 500;

    public RuleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(criteria, "criteria");
        actions = List.copyOf(actions);
        unless = unless == null ? Set.of() : Set.copyOf(unless);
    }

    /** A rule that runs as soon as the event is delivered. */
    public RuleDefinition(String name, String event, Criteria criteria, List<RuleAction> actions) {
        this(name, event, criteria, actions, null, Set.of(), null);
    }

    /** A rule on an event about a record, delayed by {@code after} (null: not delayed). */
    public RuleDefinition(String name, String event, Criteria criteria, List<RuleAction> actions, Duration after,
                          Set<String> unless) {
        this(name, event, criteria, actions, after, unless, null);
    }

    /** Whether the rule waits {@link #after()} the event before it runs. */
    public boolean delayed() {
        return after != null;
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
