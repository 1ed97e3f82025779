package dev.crmkit.core.sales;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a quote.
 *
 * @param status   the quote's status after the change
 * @param revision the quote's revision after the change
 * @param detail   what changed, for people (e.g. {@code "total 100.00 EUR -> 90.00 EUR"}), or the reason given
 * @param document for SENT: the JSON document exactly as it was sent; otherwise null
 */
public record QuoteChange(Instant at, UserId by, QuoteAction action, QuoteStatus status, int revision,
                          String detail, @Nullable String document) {
    public QuoteChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
    }
}
