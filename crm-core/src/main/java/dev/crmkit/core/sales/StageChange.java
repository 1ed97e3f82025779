package dev.crmkit.core.sales;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an opportunity's stage history: where it went, when and by whom.
 *
 * @param note the close reason for WON/LOST; for an edit of the details, each field changed, old -> new;
 *             otherwise optional
 */
public record StageChange(String stage, OpportunityStatus status, int probability, ForecastCategory category,
                          Instant at, UserId by, @Nullable String note) {
    public StageChange {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
