package dev.crmkit.core.audit;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How long audit entries are kept: {@link AuditService#deleteExpired()}, run from the host's schedule, deletes those
 * older than {@code retention}; null keeps them for ever (the default). {@code recorded} false turns the trail off,
 * for a host that keeps one of its own (the benchmarks measure the trail's cost with it).
 */
public record AuditSettings(@Nullable Duration retention, boolean recorded) {
    public AuditSettings {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new ValidationException("retention", "must be positive: " + retention);
        }
    }

    /** Entries kept for ever. */
    public static AuditSettings defaults() {
        return new AuditSettings(null, true);
    }

    /** No trail: writes leave no entries. */
    public static AuditSettings off() {
        return new AuditSettings(null, false);
    }

    /** Entries kept for {@code retention}, then deleted by {@link AuditService#deleteExpired()}. */
    public static AuditSettings keepFor(Duration retention) {
        return new AuditSettings(Objects.requireNonNull(retention, "retention"), true);
    }
}
