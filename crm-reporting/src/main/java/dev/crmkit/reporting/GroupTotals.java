package dev.crmkit.reporting;

import dev.crmkit.reporting.Measure.Aggregate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * For push-down executors: groups totalled elsewhere (e.g. by one GROUP BY query) become a result exactly as the
 * in-memory engine finishes its own — ratios and averages divided here, then order, limit and decimals — so an
 * executor that totals correctly returns what the reference returns.
 */
public final class GroupTotals {
    private GroupTotals() {
    }

    /**
     * One group: its keys in the definition's dimension order; for each measure in definition order its total and
     * its number of values (ignored for ratios, whose slots may hold anything).
     *
     * @param totals COUNT and DISTINCT_COUNT: the count; SUM: the sum (null = no values = 0); MIN, MAX: the value
     *               or null; AVG: the sum of the values (null when none)
     * @param counts the number of values AVG divides by; other aggregates ignore it
     */
    public record Group(List<String> keys, List<BigDecimal> totals, List<Long> counts) {
        public Group {
            keys = Collections.unmodifiableList(new ArrayList<>(keys));
            totals = Collections.unmodifiableList(new ArrayList<>(totals));
            counts = Collections.unmodifiableList(new ArrayList<>(counts));
        }
    }

    /**
     * The result of {@code definition} from its groups, which must each have had at least one fact passing the
     * filters; a definition without dimensions has exactly one group, even over no facts.
     */
    public static ReportResult finish(ReportDefinition definition, TimeWindow window, List<Group> groups) {
        List<Measure> measures = definition.measures();
        String[][] keys = new String[groups.size()][];
        Fraction[][] values = new Fraction[measures.size()][groups.size()];
        for (int r = 0; r < groups.size(); r++) {
            Group g = groups.get(r);
            keys[r] = g.keys().toArray(String[]::new);
            for (int m = 0; m < measures.size(); m++) {
                values[m][r] = exact(measures.get(m), g.totals().get(m), g.counts().get(m));
            }
        }
        return Finisher.finish(definition, window, keys, values);
    }

    private static Fraction exact(Measure m, BigDecimal total, Long count) {
        Aggregate a = m.aggregate();
        if (a == Aggregate.RATIO) {
            return Fraction.NULL;
        }
        if (total == null) {
            return a == Aggregate.COUNT || a == Aggregate.DISTINCT_COUNT || a == Aggregate.SUM
                    ? new Fraction(0, 1) : Fraction.NULL;
        }
        long units = total.movePointRight(Finisher.scale(m)).longValueExact();
        if (a == Aggregate.AVG) {
            return count == null || count == 0 ? Fraction.NULL : new Fraction(units, count);
        }
        return new Fraction(units, 1);
    }
}
