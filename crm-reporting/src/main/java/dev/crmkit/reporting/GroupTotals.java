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
        Builder b = builder(definition);
        for (Group g : groups) {
            long[] counts = new long[g.counts().size()];
            for (int m = 0; m < counts.length; m++) {
                Long n = g.counts().get(m);
                counts[m] = n == null ? 0 : n;
            }
            b.add(g.keys().toArray(String[]::new), g.totals().toArray(BigDecimal[]::new), counts);
        }
        return b.finish(window);
    }

    /** A builder taking groups one at a time as arrays, for executors reading many groups. */
    public static Builder builder(ReportDefinition definition) {
        return new Builder(definition);
    }

    /** Collects groups as {@link Group} describes them, then finishes the result once. */
    public static final class Builder {
        private final ReportDefinition definition;
        private final List<Measure> measures;
        private final List<String[]> keys = new ArrayList<>();
        private final List<Fraction[]> values = new ArrayList<>();

        private Builder(ReportDefinition definition) {
            this.definition = definition;
            this.measures = definition.measures();
        }

        /**
         * Adds one group; the arrays are copied, so a caller may reuse them for the next group.
         *
         * @param totals per measure, as {@link Group#totals()}
         * @param counts per measure, as {@link Group#counts()}
         */
        public Builder add(String[] keys, BigDecimal[] totals, long[] counts) {
            if (keys.length != definition.dimensions().size() || totals.length != measures.size()
                    || counts.length != measures.size()) {
                throw new IllegalArgumentException("a group needs a key per dimension, a total and a count per measure");
            }
            Fraction[] exact = new Fraction[measures.size()];
            for (int m = 0; m < exact.length; m++) {
                exact[m] = exact(measures.get(m), totals[m], counts[m]);
            }
            return addExact(keys.clone(), exact);
        }

        /** Adds one group with its measures' exact values as {@link #exact} makes them; keeps both arrays. */
        Builder addExact(String[] groupKeys, Fraction[] exact) {
            this.keys.add(groupKeys);
            values.add(exact);
            return this;
        }

        /** The result over the groups added. */
        public ReportResult finish(TimeWindow window) {
            int rows = keys.size();
            Fraction[][] columns = new Fraction[measures.size()][rows];
            for (int r = 0; r < rows; r++) {
                Fraction[] row = values.get(r);
                for (int m = 0; m < row.length; m++) {
                    columns[m][r] = row[m];
                }
            }
            return Finisher.finish(definition, window, keys.toArray(String[][]::new), columns);
        }
    }

    /** The exact value of measure {@code m} from its total and count, as {@link Group} describes them. */
    static Fraction exact(Measure m, BigDecimal total, long count) {
        Aggregate a = m.aggregate();
        if (a == Aggregate.RATIO) {
            return Fraction.NULL;
        }
        if (total == null) {
            return a == Aggregate.COUNT || a == Aggregate.DISTINCT_COUNT || a == Aggregate.SUM
                    ? new Fraction(0, 1) : Fraction.NULL;
        }
        int scale = Finisher.scale(m);
        long units = Numbers.units(scale == 0 ? total : total.movePointRight(scale));
        if (a == Aggregate.AVG) {
            return count == 0 ? Fraction.NULL : new Fraction(units, count);
        }
        return new Fraction(units, 1);
    }
}
