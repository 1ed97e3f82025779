package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crmkit.core.common.Validation;
import dev.crmkit.reporting.Measure.Aggregate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report as data: which facts, grouped by which dimensions, measured how, filtered, over which time, in which
 * order and how many rows. Validated on construction (a {@code ValidationException} names every bad part, e.g.
 * {@code dimensions[1]}; sizes are bounded by {@link ReportLimits}), immutable, and serializable with Jackson (see
 * {@link ReportJson}). Build one with {@link #of}, or change a copy of a ready-made one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ReportDefinition adsByCtr = ReportDefinition.of("Ads by CTR", FactSource.TOUCHPOINTS)
 *         .groupBy(Dimension.AD)
 *         .measure(Measure.sum("impressions", Field.COUNT).where(Dimension.KIND, "AD_IMPRESSION"))
 *         .measure(Measure.sum("clicks", Field.COUNT).where(Dimension.KIND, "AD_CLICK"))
 *         .measure(Measure.ratio("ctr", "clicks", "impressions"))
 *         .orderBy(Order.desc("ctr")).limit(10).build();
 * }</pre>
 *
 * @param window the default window; a run may give another
 * @param limit  at most this many rows after ordering; null for all
 * @param zone   where the calendar dimensions' days begin (DAY, WEEK, MONTH, a relative window's days, a sales
 *               cycle's first day); null means UTC. Stored {@linkplain ZoneId#normalized() normalized}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDefinition(String name, FactSource source, List<Dimension> dimensions, List<Measure> measures,
                               List<Filter> filters, TimeWindow window, List<Order> order, Integer limit,
                               ZoneId zone) {

    public ReportDefinition {
        zone = zone == null ? ZoneOffset.UTC : zone.normalized();
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        measures = measures == null ? List.of() : List.copyOf(measures);
        filters = filters == null ? List.of() : List.copyOf(filters);
        order = order == null ? List.of() : List.copyOf(order);
        window = window == null ? TimeWindow.ALL : window;
        validate(name, source, dimensions, measures, filters, order, limit);
    }

    /** A definition in UTC. */
    public ReportDefinition(String name, FactSource source, List<Dimension> dimensions, List<Measure> measures,
                            List<Filter> filters, TimeWindow window, List<Order> order, Integer limit) {
        this(name, source, dimensions, measures, filters, window, order, limit, null);
    }

    public static Builder of(String name, FactSource source) {
        return new Builder(name, source);
    }

    /** A builder holding this definition, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name, source);
        b.dimensions.addAll(dimensions);
        b.measures.addAll(measures);
        b.filters.addAll(filters);
        b.order.addAll(order);
        b.window = window;
        b.limit = limit;
        b.zone = zone;
        return b;
    }

    /**
     * Every dimension the definition reads: grouped by, filtered on, counted distinct or in a measure's condition.
     * An executor needs each of them for the facts it aggregates.
     */
    public Set<Dimension> dimensionsRead() {
        Set<Dimension> read = EnumSet.noneOf(Dimension.class);
        read.addAll(dimensions);
        filters.forEach(f -> read.add(f.dimension()));
        for (Measure m : measures) {
            if (m.of() != null) {
                read.add(m.of());
            }
            m.where().forEach(f -> read.add(f.dimension()));
        }
        return Collections.unmodifiableSet(read);
    }

    /** The measure named {@code name}. */
    public Measure measure(String measureName) {
        return measures.stream().filter(m -> m.name().equals(measureName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measure " + measureName));
    }

    private static void validate(String name, FactSource source, List<Dimension> dimensions, List<Measure> measures,
                                 List<Filter> filters, List<Order> order, Integer limit) {
        Validation v = new Validation();
        v.requireText("name", name);
        v.maxLength("name", name, ReportLimits.NAME);
        v.require("source", source);
        Set<Dimension> seen = new HashSet<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            String field = "dimensions[" + i + "]";
            if (v.require(field, d) != null && source != null) {
                v.check(source.has(d), field, source + " facts have no " + d);
                v.check(seen.add(d), field, "repeats " + d);
            }
        }
        v.check(!measures.isEmpty(), "measures", "at least one measure is required");
        boolean bounded = v.check(measures.size() <= ReportLimits.MEASURES, "measures",
                "must be at most " + ReportLimits.MEASURES);
        bounded &= v.check(order.size() <= ReportLimits.ORDER, "order", "must be at most " + ReportLimits.ORDER);
        bounded &= v.check(filterValues(filters, measures) <= ReportLimits.FILTER_VALUES, "filters",
                "must hold at most " + ReportLimits.FILTER_VALUES + " values in all, the measures' where filters"
                        + " included");
        if (!bounded) {
            v.throwIfInvalid(); // a definition this large is refused whole, not checked part by part
        }
        Map<String, Measure> byName = new HashMap<>();
        for (Measure m : measures) {
            if (m.name() != null) {
                byName.putIfAbsent(m.name(), m);
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            Validation mv = v.nested("measures", i);
            if (mv.requireText("name", m.name()) != null && mv.maxLength("name", m.name(), ReportLimits.NAME)) {
                mv.check(names.add(m.name()), "name", "repeats " + m.name());
                mv.check(!isDimensionName(m.name()), "name", "is the name of a dimension");
            }
            checkMeasure(mv, m, source, byName);
        }
        checkFilters(v, "filters", filters, source);
        for (int i = 0; i < order.size(); i++) {
            String by = order.get(i).by();
            boolean known = byName.containsKey(by) || (isDimensionName(by) && dimensions.contains(Dimension.valueOf(by)));
            v.check(known, "order[" + i + "].by", "is neither a measure nor a grouped dimension: " + by);
        }
        v.check(limit == null || limit >= 1, "limit", "must be 1 or more");
        v.throwIfInvalid();
    }

    private static void checkMeasure(Validation v, Measure m, FactSource source, Map<String, Measure> byName) {
        Aggregate a = m.aggregate();
        switch (a) {
            case COUNT -> { }
            case DISTINCT_COUNT -> {
                if (v.require("of", m.of()) != null && source != null) {
                    v.check(source.has(m.of()), "of", source + " facts have no " + m.of());
                }
            }
            case SUM, AVG, MIN, MAX -> {
                if (v.require("field", m.field()) != null && source != null) {
                    v.check(source.has(m.field()), "field", source + " facts have no " + m.field());
                }
            }
            case RATIO -> {
                checkOperand(v, "numerator", m.numerator(), byName);
                checkOperand(v, "denominator", m.denominator(), byName);
                v.check(m.where().isEmpty(), "where", "a ratio takes the filters of its operands");
            }
        }
        checkFilters(v, "where", m.where(), source);
    }

    private static void checkOperand(Validation v, String field, String operand, Map<String, Measure> byName) {
        if (v.requireText(field, operand) == null) {
            return;
        }
        Measure target = byName.get(operand);
        if (v.check(target != null, field, "no measure named " + operand)) {
            v.check(!target.isFraction(), field, "cannot be an average or another ratio: " + operand);
        }
    }

    private static void checkFilters(Validation v, String path, List<Filter> filters, FactSource source) {
        for (int i = 0; i < filters.size(); i++) {
            Filter f = filters.get(i);
            String field = path + "[" + i + "]";
            if (source != null) {
                v.check(source.has(f.dimension()), field + ".dimension", source + " facts have no " + f.dimension());
            }
            v.check(!f.values().isEmpty(), field + ".values", "at least one value is required");
            v.maxLengthEach(field + ".values", f.values(), ReportLimits.FILTER_VALUE);
        }
    }

    /** Values of all filters: each is a bound parameter when the report runs in SQL. */
    private static long filterValues(List<Filter> filters, List<Measure> measures) {
        long n = 0;
        for (Filter f : filters) {
            n += f.values().size();
        }
        for (Measure m : measures) {
            for (Filter f : m.where()) {
                n += f.values().size();
            }
        }
        return n;
    }

    private static boolean isDimensionName(String s) {
        return Arrays.stream(Dimension.values()).anyMatch(d -> d.name().equals(s));
    }

    /** Assembles a {@link ReportDefinition}; {@link #build()} validates it. */
    public static final class Builder {
        private String name;
        private FactSource source;
        private final List<Dimension> dimensions = new ArrayList<>();
        private final List<Measure> measures = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private final List<Order> order = new ArrayList<>();
        private TimeWindow window = TimeWindow.ALL;
        private Integer limit;
        private ZoneId zone;

        private Builder(String name, FactSource source) {
            this.name = name;
            this.source = source;
        }

        public Builder name(String newName) {
            this.name = newName;
            return this;
        }

        public Builder source(FactSource newSource) {
            this.source = newSource;
            return this;
        }

        /** Adds dimensions to group by, in column order. */
        public Builder groupBy(Dimension... more) {
            dimensions.addAll(Arrays.asList(more));
            return this;
        }

        /** Replaces the dimensions to group by. */
        public Builder regroupBy(Dimension... replacement) {
            dimensions.clear();
            return groupBy(replacement);
        }

        public Builder measure(Measure measure) {
            measures.add(measure);
            return this;
        }

        public Builder filter(Filter filter) {
            filters.add(filter);
            return this;
        }

        /** Keeps facts whose {@code dimension} key is one of {@code values}. */
        public Builder where(Dimension dimension, String... values) {
            return filter(Filter.in(dimension, values));
        }

        public Builder window(TimeWindow newWindow) {
            this.window = newWindow;
            return this;
        }

        /** Adds sort keys, most significant first. */
        public Builder orderBy(Order... more) {
            order.addAll(Arrays.asList(more));
            return this;
        }

        /** Replaces the sort keys. */
        public Builder reorderBy(Order... replacement) {
            order.clear();
            return orderBy(replacement);
        }

        public Builder limit(Integer newLimit) {
            this.limit = newLimit;
            return this;
        }

        /** Days, weeks and months as they fall in {@code newZone} (null: UTC), e.g. the host's business zone. */
        public Builder zone(ZoneId newZone) {
            this.zone = newZone;
            return this;
        }

        public ReportDefinition build() {
            return new ReportDefinition(name, source, dimensions, measures, filters, window, order, limit, zone);
        }
    }
}
