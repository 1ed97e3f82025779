package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Optional;

/** Storage port for affiliate sites; the tracking code is unique per tenant. */
public interface AffiliateRepository extends Repository<AffiliateId, AffiliateSite> {
    Optional<AffiliateSite> findByTrackingCode(String trackingCode);

    /** All affiliate sites, ordered by creation time then id. */
    List<AffiliateSite> list();

    @Override
    default String kind() {
        return "AffiliateSite";
    }
}
