package dev.crmkit.core.memory;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AdRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryAdRepository extends MemoryRepository<AdId, Ad> implements AdRepository {
    private static final Comparator<Ad> ORDER = Comparator.comparing(Ad::createdAt).thenComparing(Ad::id);

    MemoryAdRepository(MemoryTable<AdId, Ad> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<Ad> findByTrackingCode(String trackingCode) {
        return lookup("trackingCode", trackingCode, ORDER).stream().findFirst();
    }

    @Override
    public List<Ad> findByCampaign(CampaignId campaign) {
        return lookup("campaign", campaign, ORDER);
    }
}
