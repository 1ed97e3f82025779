package dev.crmkit.core.automation;

import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's stored workflow rule: its {@link RuleDefinition}, its place in the order rules run in (lower first, then
 * by id) and whether it is enabled. Changed only through {@link AutomationService}; each change is a new version.
 */
public record AutomationRule(RuleId id, long version, RuleDefinition definition, int position, boolean enabled,
                             Instant createdAt, Instant updatedAt) implements Versioned<RuleId, AutomationRule> {
    public AutomationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The rule's name (its definition's). */
    public String name() {
        return definition.name();
    }

    @Override
    public AutomationRule withVersion(long newVersion) {
        return new AutomationRule(id, newVersion, definition, position, enabled, createdAt, updatedAt);
    }

    AutomationRule redefine(RuleDefinition newDefinition, Instant now) {
        return new AutomationRule(id, version, Objects.requireNonNull(newDefinition), position, enabled, createdAt,
                now);
    }

    AutomationRule enable(boolean on, Instant now) {
        return new AutomationRule(id, version, definition, position, on, createdAt, now);
    }

    AutomationRule moveTo(int newPosition, Instant now) {
        return new AutomationRule(id, version, definition, newPosition, enabled, createdAt, now);
    }

    /** Whether this rule runs on events named {@code eventType}. */
    boolean runsOn(String eventType) {
        return enabled && definition.event().equals(eventType);
    }
}
