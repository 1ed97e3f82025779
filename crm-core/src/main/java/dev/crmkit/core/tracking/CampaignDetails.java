package dev.crmkit.core.tracking;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Money;
import java.time.LocalDate;

/**
 * What a host sets on a campaign, for creating and for updating it. Only {@code name} is required.
 *
 * @param budget planned spend, not negative
 */
public record CampaignDetails(String name, Channel channel, LocalDate startDate, LocalDate endDate, Money budget) {
    public static CampaignDetails named(String name, Channel channel) {
        return new CampaignDetails(name, channel, null, null, null);
    }
}
