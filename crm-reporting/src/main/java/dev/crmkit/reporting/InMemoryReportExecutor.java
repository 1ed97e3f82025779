package dev.crmkit.reporting;

/**
 * The reference executor: aggregates a {@link FactTable} in one pass. Stateless and thread-safe.
 */
public final class InMemoryReportExecutor {
    /**
     * Aggregates {@code facts} (of the definition's source, holding every column it reads) as {@code definition}
     * says. The definition's window is not applied: the facts are taken to be the window's; {@code window} is only
     * recorded in the result.
     */
    public static ReportResult aggregate(FactTable facts, ReportDefinition definition, TimeWindow window) {
        return new Aggregation(facts, definition).run(window);
    }
}
