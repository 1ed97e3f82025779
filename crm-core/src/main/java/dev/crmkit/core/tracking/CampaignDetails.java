package dev.crmkit.core.tracking;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.Money;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a host sets on a campaign, for creating and for updating it. Only {@code name} is required.
 *
 * @param budget     planned spend, not negative
 * @param targetArea where the campaign runs, or null: leads captured inside it while it runs are attributed to it
 */
public record CampaignDetails(String name, Channel channel, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                              @Nullable Money budget, @Nullable GeoCircle targetArea) {
    public static CampaignDetails named(String name, Channel channel) {
        return new CampaignDetails(name, channel, null, null, null, null);
    }

    /** These details with a target area: e.g. {@code new GeoCircle(store, 25)}. */
    public CampaignDetails targetArea(GeoCircle area) {
        return new CampaignDetails(name, channel, startDate, endDate, budget, area);
    }
}
