package dev.crmkit.jpa;

import dev.crmkit.core.contract.TaskContract;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The task suite as the JPA adapter runs it; as in {@link JpaStorageContract}, a test needing aggregates the adapter
 * does not map yet is switched off here with one override, deleted by the change that maps them.
 */
abstract class JpaTaskContract extends TaskContract {
    @Test
    @Disabled("links a task to a case: service aggregates are mapped on branch jpa-service")
    @Override
    protected void priorityDefaultsToNormalAndTasksMayLinkToEveryKindOfRecord() {
    }
}
