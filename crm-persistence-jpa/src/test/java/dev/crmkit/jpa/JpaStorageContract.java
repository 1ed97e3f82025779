package dev.crmkit.jpa;

import dev.crmkit.core.contract.StorageContract;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The storage contract as the JPA adapter runs it. Tests of aggregates the adapter does not map yet are switched off
 * here, one override each, and switched back on (override deleted) by the change that maps them.
 */
abstract class JpaStorageContract extends StorageContract {
    private static final String SERVICE = "service aggregates: mapped on branch jpa-service";

    // service
    @Test
    @Disabled(SERVICE)
    @Override
    protected void casesAreReadInBulkByCreationTime() {
    }

    @Test
    @Disabled(SERVICE)
    @Override
    protected void serviceAggregatesRoundTripWithAllFieldsAndAreFoundByTheirIndexes() {
    }

    @Test
    @Disabled(SERVICE)
    @Override
    protected void trackingNumbersAndProductCodesAreUniquePerTenant() {
    }

    @Test
    @Disabled(SERVICE)
    @Override
    protected void openCasesAreFoundWhenATargetIsDueAndNotOnceClosed() {
    }

    @Test
    @Disabled(SERVICE)
    @Override
    protected void articleSearchFindsPublishedArticlesBestFirstAndFollowsEveryChange() {
    }
}
