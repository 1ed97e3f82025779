package dev.crmkit.core.memory;

import java.time.Instant;

/** The half-open time range of the bulk reads: {@code [from, to)}, either bound null for open. */
final class TimeRange {
    private TimeRange() {
    }

    static boolean contains(Instant from, Instant to, Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}
