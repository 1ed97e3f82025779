package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Optional;

/** Storage port for ads; the tracking code is unique per tenant (a second one is a {@code DuplicateException}). */
public interface AdRepository extends Repository<AdId, Ad> {
    Optional<Ad> findByTrackingCode(String trackingCode);

    List<Ad> findByCampaign(CampaignId campaign);

    @Override
    default String kind() {
        return "Ad";
    }
}
