package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ad of a campaign. {@code trackingCode} is what the ad's links carry (e.g. {@code utm_content}); it is unique
 * per tenant so a click names its ad without knowing ids.
 */
public record Ad(AdId id, long version, CampaignId campaign, String name, String trackingCode,
                 @Nullable String landingUrl, Instant createdAt) implements Versioned<AdId, Ad> {
    public Ad {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trackingCode, "trackingCode");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public Ad withVersion(long newVersion) {
        return new Ad(id, newVersion, campaign, name, trackingCode, landingUrl, createdAt);
    }
}
