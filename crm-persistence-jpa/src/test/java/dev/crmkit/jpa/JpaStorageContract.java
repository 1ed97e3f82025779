package dev.crmkit.jpa;

import dev.crmkit.core.contract.StorageContract;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The storage contract as the JPA adapter runs it. Tests of aggregates the adapter does not map yet are switched off
 * here, one override each, and switched back on (override deleted) by the change that maps them.
 */
abstract class JpaStorageContract extends StorageContract {
    private static final String TASKS = "tasks, calendar and segments: mapped on branch jpa-tasks";

    // tasks, calendar and segments
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
}
