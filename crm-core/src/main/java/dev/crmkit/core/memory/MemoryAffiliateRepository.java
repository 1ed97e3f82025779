package dev.crmkit.core.memory;

import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.tracking.AffiliateRepository;
import dev.crmkit.core.tracking.AffiliateSite;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryAffiliateRepository extends MemoryRepository<AffiliateId, AffiliateSite>
        implements AffiliateRepository {
    private static final Comparator<AffiliateSite> ORDER = Comparator.comparing(AffiliateSite::createdAt)
            .thenComparing(AffiliateSite::id);

    MemoryAffiliateRepository(MemoryTable<AffiliateId, AffiliateSite> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<AffiliateSite> findByTrackingCode(String trackingCode) {
        return lookup("trackingCode", trackingCode, ORDER).stream().findFirst();
    }

    @Override
    public List<AffiliateSite> list() {
        tx.checkOpen();
        return table.scan().sorted(ORDER).toList();
    }
}
