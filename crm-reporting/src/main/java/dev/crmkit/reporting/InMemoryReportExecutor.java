package dev.crmkit.reporting;

import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;

/**
 * The reference executor: loads the facts a definition reads (only its columns, only its window) into a
 * {@link FactTable} through the storage SPI's bulk reads, then aggregates them in one pass; touchpoint reports the
 * storage's day totals answer ({@link #answersFromDayTotals}) are added up from those instead. Stateless and
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
        if (DayTotalsReport.answers(definition, window)) {
            ReportResult fromTotals = DayTotalsReport.run(definition, window, tx);
            if (fromTotals != null) {
                return fromTotals; // touchpoints are tenant-wide counts: seen by all
            }
        }
        return aggregate(FactLoader.load(definition, window, tx, SeenFacts.of(visibility, tx)), definition, window);
    }

    /**
     * Whether this executor answers {@code definition} over the resolved {@code window} from the totals per UTC day
     * the storage keeps of touchpoints ({@code TouchpointDayTotal}) rather than by reading every touchpoint: touchpoint
     * reports in UTC over whole UTC days whose dimensions are kind, campaign, ad, affiliate site, channel, rep,
     * currency or calendar periods, and whose measures are counts, sums, averages or ratios. Their cost grows with
     * the number of totals (days times combinations in use), not with the number of touchpoints.
     */
    public static boolean answersFromDayTotals(ReportDefinition definition, TimeWindow window) {
        return !window.isRelative() && DayTotalsReport.answers(definition, window);
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
