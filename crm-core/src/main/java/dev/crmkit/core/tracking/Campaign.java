package dev.crmkit.core.tracking;

import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A marketing campaign: groups ads and emails toward one goal, with an optional budget and run dates.
 *
 * @param targetArea where the campaign runs, or null: leads captured inside it while it runs are attributed to it
 */
public record Campaign(CampaignId id, long version, String name, Channel channel, @Nullable LocalDate startDate,
                       @Nullable LocalDate endDate, @Nullable Money budget, @Nullable GeoCircle targetArea,
                       Instant createdAt)
        implements Versioned<CampaignId, Campaign> {
    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public Campaign withVersion(long newVersion) {
        return new Campaign(id, newVersion, name, channel, startDate, endDate, budget, targetArea, createdAt);
    }

    /** Whether the campaign runs on {@code day} (open run dates count as running). */
    public boolean runsOn(LocalDate day) {
        return (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }
}
