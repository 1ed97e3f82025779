package dev.crmkit.core.service;

import dev.crmkit.core.common.Channel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a case was sorted when it came in: its kind, category, priority and the channel it arrived on. */
public record Triage(CaseKind kind, @Nullable String category, CasePriority priority, Channel channel) {
    public Triage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
    }

    Triage withPriority(CasePriority newPriority) {
        return new Triage(kind, category, newPriority, channel);
    }
}
