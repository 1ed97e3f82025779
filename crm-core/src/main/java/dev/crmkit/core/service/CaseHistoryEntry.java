package dev.crmkit.core.service;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One change of a case: who did what when, e.g. {@code STATUS "NEW -> IN_PROGRESS"}. */
public record CaseHistoryEntry(Instant at, UserId actor, String action, @Nullable String detail) {
    public CaseHistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }
}
