package dev.crmkit.core.service;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a case ended, once it did: the resolution given and when it was resolved and closed. A reopened case has
 * {@link #NONE} again.
 */
public record Closure(@Nullable String resolution, @Nullable Instant resolvedAt, @Nullable Instant closedAt) {
    public static final Closure NONE = new Closure(null, null, null);
}
