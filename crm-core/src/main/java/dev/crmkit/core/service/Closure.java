package dev.crmkit.core.service;

import java.time.Instant;

/**
 * How a case ended, once it did: the resolution given and when it was resolved and closed. A reopened case has
 * {@link #NONE} again.
 */
public record Closure(String resolution, Instant resolvedAt, Instant closedAt) {
    public static final Closure NONE = new Closure(null, null, null);
}
