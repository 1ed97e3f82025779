package dev.crmkit.jpa;

import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.CampaignRepository;
import java.util.List;

final class JpaCampaignRepository extends JpaRepository<CampaignId, Campaign, CampaignEntity>
        implements CampaignRepository {
    JpaCampaignRepository(JpaTx tx) {
        super(tx, CampaignEntity.class);
    }

    @Override
    CampaignEntity toRow(Campaign campaign) {
        return TrackingMapper.toRow(campaign);
    }

    @Override
    Campaign toDomain(CampaignEntity row) {
        return TrackingMapper.toCampaign(row);
    }

    @Override
    public List<Campaign> list() {
        return list(new Filter(tx.tenantId()), "r.createdAt, r.id");
    }

    @Override
    public List<Campaign> targeted() {
        // The tenant's campaigns are few: its primary key prefix reads them all, the area filters.
        return list(new Filter(tx.tenantId()).and("r.targetRadiusKm is not null"), "r.createdAt, r.id");
    }
}
