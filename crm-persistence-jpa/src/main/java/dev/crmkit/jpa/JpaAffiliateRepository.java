package dev.crmkit.jpa;

import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.tracking.AffiliateRepository;
import dev.crmkit.core.tracking.AffiliateSite;
import java.util.List;
import java.util.Optional;

final class JpaAffiliateRepository extends JpaRepository<AffiliateId, AffiliateSite, AffiliateEntity>
        implements AffiliateRepository {
    private static final String ORDER = "r.createdAt, r.id";

    JpaAffiliateRepository(JpaTx tx) {
        super(tx, AffiliateEntity.class);
    }

    @Override
    AffiliateEntity toRow(AffiliateSite affiliate) {
        return TrackingMapper.toRow(affiliate);
    }

    @Override
    AffiliateSite toDomain(AffiliateEntity row) {
        return TrackingMapper.toAffiliate(row);
    }

    @Override
    public Optional<AffiliateSite> findByTrackingCode(String trackingCode) {
        return lookup("trackingCode", trackingCode, ORDER).stream().findFirst();
    }

    @Override
    public List<AffiliateSite> list() {
        return list(new Filter(tx.tenantId()), ORDER);
    }
}
