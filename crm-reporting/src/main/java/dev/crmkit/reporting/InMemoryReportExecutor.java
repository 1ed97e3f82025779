package dev.crmkit.reporting;

import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;

/**
 * The reference executor: loads the facts a definition reads (only its columns, only its window) into a
 * {@link FactTable} through the storage SPI's bulk reads, then aggregates them in one pass. Stateless and
 * thread-safe.
 */
public final class InMemoryReportExecutor implements ReportExecutor {
    /** The executor; it keeps no state, so one serves every report. */
    public InMemoryReportExecutor() {
    }

    @Override
    public ReportResult execute(ReportDefinition definition, TimeWindow window, StorageTx tx) {
        return execute(definition, window, Visibility.everything(), tx);
    }

    @Override
    public ReportResult execute(ReportDefinition definition, TimeWindow window, Visibility visibility,
                                StorageTx tx) {
        if (window.isRelative()) {
            throw new IllegalArgumentException("resolve a relative window before running it: " + window);
        }
        return aggregate(FactLoader.load(definition, window, tx, SeenFacts.of(visibility, tx)), definition, window);
    }

    /**
     * Aggregates {@code facts} (of the definition's source, holding every column it reads) as {@code definition}
     * says. The definition's window is not applied: the facts are taken to be the window's; {@code window} is only
     * recorded in the result.
     */
    public static ReportResult aggregate(FactTable facts, ReportDefinition definition, TimeWindow window) {
        return new Aggregation(facts, definition).run(window);
    }
}
