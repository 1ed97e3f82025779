package dev.crmkit.jpa;

import dev.crmkit.core.contract.StorageContract;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The storage contract as the JPA adapter runs it. Tests of aggregates the adapter does not map yet are switched off
 * here, one override each, and switched back on (override deleted) by the change that maps them.
 */
abstract class JpaStorageContract extends StorageContract {
    private static final String SALES = "sales aggregates: mapped on branch jpa-sales";
    private static final String TASKS = "tasks, calendar and segments: mapped on branch jpa-tasks";
    private static final String SERVICE = "service aggregates: mapped on branch jpa-service";

    // sales
    @Test
    @Disabled(SALES)
    @Override
    protected void salesAggregatesRoundTripWithAllFields() {
    }

    @Test
    @Disabled(SALES)
    @Override
    protected void salesLookupsAreKeyedAndOrdered() {
    }

    @Test
    @Disabled(SALES)
    @Override
    protected void productCodesPriceBookCurrenciesAndNumbersAreUnique() {
    }

    @Test
    @Disabled(SALES)
    @Override
    protected void staleSalesWritesAreRejected() {
    }

    @Test
    @Disabled(SALES)
    @Override
    protected void opportunitiesAreReadInBulkByCreationTime() {
    }

    // tasks, calendar and segments
    @Test
    @Disabled(TASKS)
    @Override
    protected void tasksAreReadInBulkByCreationTime() {
    }

    @Test
    @Disabled(TASKS)
    @Override
    protected void tasksTeamsAndCalendarEventsRoundTripWithAllFields() {
    }

    @Test
    @Disabled(TASKS)
    @Override
    protected void taskLookupsFollowStatusAssigneeAndReminderChanges() {
    }

    @Test
    @Disabled(TASKS)
    @Override
    protected void teamsAndCalendarEventsAreFoundByTheirPeople() {
    }

    @Test
    @Disabled(TASKS)
    @Override
    protected void segmentsRoundTripAndAreFoundByUniqueNameIgnoringCase() {
    }

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
