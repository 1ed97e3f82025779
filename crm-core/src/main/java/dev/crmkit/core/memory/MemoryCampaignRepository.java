package dev.crmkit.core.memory;

import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.CampaignRepository;
import java.util.Comparator;
import java.util.List;

final class MemoryCampaignRepository extends MemoryRepository<CampaignId, Campaign> implements CampaignRepository {
    private static final Comparator<Campaign> ORDER = Comparator.comparing(Campaign::createdAt)
            .thenComparing(Campaign::id);

    MemoryCampaignRepository(MemoryTable<CampaignId, Campaign> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Campaign> list() {
        tx.checkOpen();
        return table.scan().sorted(ORDER).toList();
    }

    @Override
    public List<Campaign> targeted() {
        return lookup("targeted", Boolean.TRUE, ORDER);
    }
}
