package dev.crmkit.reporting;

import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;

/**
 * Runs report definitions. {@link InMemoryReportExecutor} is the reference; a storage adapter may push a definition
 * down to its database instead (e.g. one GROUP BY query), and must then return exactly what the reference returns
 * for the same data — including the value rules of {@link Measure} and the row order of {@link Order}. Result
 * labels are added by {@link ReportService}, not by executors.
 */
public interface ReportExecutor {
    /**
     * The result of {@code definition} over the facts of {@code tx}'s tenant within {@code window}.
     *
     * @param window a resolved window ({@link TimeWindow#resolve}), never a relative one
     * @param tx     an open read transaction
     */
    ReportResult execute(ReportDefinition definition, TimeWindow window, StorageTx tx);

    /**
     * As {@link #execute(ReportDefinition, TimeWindow, StorageTx)} over only the facts of the records
     * {@code visibility} sees (for {@link FactSource#TOUCHPOINTS} and {@link FactSource#SEQUENCE_STEPS}, all: they
     * are counts of marketing events). An executor that cannot filter leaves the filtered case to the reference.
     */
    default ReportResult execute(ReportDefinition definition, TimeWindow window, Visibility visibility,
                                 StorageTx tx) {
        return visibility.all() ? execute(definition, window, tx)
                : new InMemoryReportExecutor().execute(definition, window, visibility, tx);
    }
}
