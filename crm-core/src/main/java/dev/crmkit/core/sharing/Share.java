package dev.crmkit.core.sharing;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Record {@code record} (a lead, by id) shared with {@code user} by {@code by} at {@code at}. */
public record Share(UUID record, UserId user, UserId by, Instant at) {
    public Share {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
