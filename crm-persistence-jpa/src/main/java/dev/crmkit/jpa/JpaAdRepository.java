package dev.crmkit.jpa;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AdRepository;
import java.util.List;
import java.util.Optional;

final class JpaAdRepository extends JpaRepository<AdId, Ad, AdEntity> implements AdRepository {
    private static final String ORDER = "r.createdAt, r.id";

    JpaAdRepository(JpaTx tx) {
        super(tx, AdEntity.class);
    }

    @Override
    AdEntity toRow(Ad ad) {
        return TrackingMapper.toRow(ad);
    }

    @Override
    Ad toDomain(AdEntity row) {
        return TrackingMapper.toAd(row);
    }

    @Override
    public Optional<Ad> findByTrackingCode(String trackingCode) {
        return lookup("trackingCode", trackingCode, ORDER).stream().findFirst();
    }

    @Override
    public List<Ad> findByCampaign(CampaignId campaign) {
        return lookup("campaignId", campaign.value(), ORDER);
    }
}
