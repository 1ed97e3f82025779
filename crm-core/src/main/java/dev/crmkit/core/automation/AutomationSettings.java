package dev.crmkit.core.automation;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;

/**
 * How workflow rules run. Give to {@code Crm.builder().with(...)}.
 *
 * @param maxDepth       how many rules deep a chain may go: a rule's actions raise events that run rules again;
 *                       events at this depth run none (their runs are logged as {@code SKIPPED})
 * @param ruleCacheTtl   how long a node trusts what it read of a tenant's rules when deciding which events to store
 *                       for automation; changes through this node apply at once, through others within this time
 * @param dueBatchSize   how many delayed runs one {@code runDue} call reads at a time
 */
public record AutomationSettings(int maxDepth, Duration ruleCacheTtl, int dueBatchSize) {
    public AutomationSettings {
        if (maxDepth < 1 || maxDepth > 20) {
            throw new ValidationException("maxDepth", "must be 1 to 20");
        }
        if (ruleCacheTtl == null || ruleCacheTtl.isNegative()) {
            throw new ValidationException("ruleCacheTtl", "must be zero or positive");
        }
        if (dueBatchSize < 1 || dueBatchSize > 10_000) {
            throw new ValidationException("dueBatchSize", "must be 1 to 10000");
        }
    }

    /** Depth 5, rules cached for 30 s, delayed runs read 100 at a time. */
    public static AutomationSettings defaults() {
        return new AutomationSettings(5, Duration.ofSeconds(30), 100);
    }
}
