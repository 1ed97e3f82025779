package dev.crmkit.core.tracking;

import dev.crmkit.core.common.CampaignId;

/**
 * What a host sets on an ad. {@code campaign}, {@code name} and {@code trackingCode} are required; the tracking code
 * is what the ad's links carry and must be unique in the tenant.
 */
public record AdDetails(CampaignId campaign, String name, String trackingCode, String landingUrl) {
}
