package dev.crmkit.core.tracking;

import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for campaigns. */
public interface CampaignRepository extends Repository<CampaignId, Campaign> {
    /** All campaigns, ordered by creation time then id. */
    List<Campaign> list();

    /** The campaigns that have a target area, in any order. */
    List<Campaign> targeted();

    @Override
    default String kind() {
        return "Campaign";
    }
}
