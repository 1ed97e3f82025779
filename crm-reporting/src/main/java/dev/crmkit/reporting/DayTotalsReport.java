package dev.crmkit.reporting;

import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Touchpoint reports from the totals per UTC day the storage keeps as touchpoints arrive
 * ({@link TouchpointDayTotal}) instead of from every touchpoint: a report over millions of touchpoints reads a few
 * totals per day, so it answers in milliseconds right after each new event. Only a report the totals hold everything
 * for takes this path ({@link #answers}); it returns exactly what a scan returns, and any other report scans.
 */
final class DayTotalsReport {
    /** The dimensions totals are kept by. */
    private static final Set<Dimension> KEPT = EnumSet.of(Dimension.KIND, Dimension.CAMPAIGN, Dimension.AD,
            Dimension.AFFILIATE, Dimension.CHANNEL, Dimension.REP, Dimension.CURRENCY, Dimension.DAY, Dimension.WEEK,
            Dimension.MONTH);
    private static final long SECONDS_PER_DAY = 86_400;
    /** Instances a dictionary remembers by identity: a storage handing out a new one per total gains nothing. */
    private static final int MAX_INSTANCES = 4096;

    private DayTotalsReport() {
    }

    /**
     * Whether the day totals answer {@code definition} over {@code window}: a touchpoint report whose dimensions are
     * all kept in the totals, whose measures add up (counts, sums, averages and ratios of them; not distinct counts,
     * minima or maxima), in UTC, over whole UTC days.
     */
    static boolean answers(ReportDefinition definition, TimeWindow window) {
        if (definition.source() != FactSource.TOUCHPOINTS || !KEPT.containsAll(definition.dimensionsRead())
                || !isUtc(definition.zone()) || !startOfDay(window.from()) || !startOfDay(window.to())) {
            return false;
        }
        for (Measure m : definition.measures()) {
            switch (m.aggregate()) {
                case COUNT, SUM, AVG, RATIO -> {
                }
                case DISTINCT_COUNT, MIN, MAX -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isUtc(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        return rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0;
    }

    private static boolean startOfDay(Instant t) {
        return t == null || t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), SECONDS_PER_DAY) == 0;
    }

    /**
     * The result of {@code definition} over {@code window}, which {@link #answers} must accept; null in the unlikely
     * cases that a dimension has more distinct keys than a packed group key holds or a sum leaves a long (the caller
     * then scans).
     */
    static @Nullable ReportResult run(ReportDefinition definition, TimeWindow window, StorageTx tx) {
        Grouping grouping = new Grouping(definition);
        LocalDate from = window.from() == null ? null : LocalDate.ofInstant(window.from(), TouchpointDayTotal.ZONE);
        LocalDate to = window.to() == null ? null : LocalDate.ofInstant(window.to(), TouchpointDayTotal.ZONE);
        try {
            DayTotalsCache.forEachDayTotal(tx, from, to, grouping::add);
        } catch (ArithmeticException beyondALong) {
            return null; // the scan refuses it as the reference does, with the typed error
        }
        if (grouping.overflow) {
            return null;
        }
        return grouping.finish(definition, window);
    }

    /**
     * Adds totals to their groups. Each dimension read gets a small number (code) per distinct key, so a total is
     * filtered and grouped by looking up its values once, not by making and comparing key strings: there are far
     * more totals than distinct values. A group is found by its codes packed into one long.
     */
    private static final class Grouping {
        private final List<Measure> measures;
        private final Dictionary[] dictionaries;
        private final int[] groupSlots;
        private final Condition[] filters;
        private final Condition[][] measureFilters;
        private final int bits;
        private final int[] codes;
        private final LongHashing.Ids ids = new LongHashing.Ids(1024);
        private final Totals totals;
        boolean overflow;

        Grouping(ReportDefinition definition) {
            List<Dimension> read = new ArrayList<>(definition.dimensionsRead());
            dictionaries = new Dictionary[read.size()];
            for (int s = 0; s < dictionaries.length; s++) {
                dictionaries[s] = new Dictionary(read.get(s));
            }
            codes = new int[read.size()];
            List<Dimension> dimensions = definition.dimensions();
            groupSlots = dimensions.stream().mapToInt(read::indexOf).toArray();
            bits = dimensions.isEmpty() ? 0 : Math.min(31, 63 / dimensions.size());
            filters = conditions(definition.filters(), read);
            measures = definition.measures();
            measureFilters = new Condition[measures.size()][];
            for (int m = 0; m < measureFilters.length; m++) {
                measureFilters[m] = conditions(measures.get(m).where(), read);
            }
            totals = new Totals(measures.size());
        }

        ReportResult finish(ReportDefinition definition, TimeWindow window) {
            if (groupSlots.length == 0 && totals.groups == 0) {
                totals.group(new String[0]); // one row, even over no facts
            }
            GroupTotals.Builder result = GroupTotals.builder(definition);
            for (int g = 0; g < totals.groups; g++) {
                result.addExact(totals.keys[g], totals.exact(g, measures));
            }
            return result.finish(window);
        }

        private static Condition[] conditions(List<Filter> filters, List<Dimension> read) {
            return filters.stream().map(f -> new Condition(f, read.indexOf(f.dimension()))).toArray(Condition[]::new);
        }

        void add(TouchpointDayTotal total) {
            if (overflow) {
                return;
            }
            for (int s = 0; s < codes.length; s++) {
                codes[s] = dictionaries[s].code(total);
            }
            if (!accepted(filters)) {
                return;
            }
            long key = 0;
            for (int slot : groupSlots) {
                if (codes[slot] >>> bits != 0) {
                    overflow = true;
                    return;
                }
                key = key << bits | codes[slot];
            }
            int group = ids.idOf(key);
            if (group == totals.groups) {
                String[] keys = new String[groupSlots.length];
                for (int d = 0; d < keys.length; d++) {
                    keys[d] = dictionaries[groupSlots[d]].key(codes[groupSlots[d]]);
                }
                totals.group(keys);
            }
            for (int m = 0; m < measureFilters.length; m++) {
                Measure measure = measures.get(m);
                if (measure.aggregate() != Measure.Aggregate.RATIO && accepted(measureFilters[m])) {
                    totals.add(group, m, measure, total);
                }
            }
        }

        private boolean accepted(Condition[] conditions) {
            for (Condition c : conditions) {
                if (!c.accepts(codes[c.slot], dictionaries[c.slot])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A filter on the dimension in one slot, with its verdict on each code remembered. */
    private static final class Condition {
        private final Filter filter;
        final int slot;
        /** Per code: 0 not asked yet, 1 accepted, 2 refused. */
        private byte[] verdicts = new byte[16];

        Condition(Filter filter, int slot) {
            this.filter = filter;
            this.slot = slot;
        }

        boolean accepts(int code, Dictionary dictionary) {
            if (code >= verdicts.length) {
                verdicts = Arrays.copyOf(verdicts, Math.max(code + 1, verdicts.length * 2));
            }
            if (verdicts[code] == 0) {
                verdicts[code] = filter.accepts(dictionary.key(code)) ? (byte) 1 : (byte) 2;
            }
            return verdicts[code] == 1;
        }
    }

    /**
     * The codes of one dimension: a number per distinct key (as a scan's facts key it), by the total's value. Values
     * are looked up by identity first: storage hands out the same few instances of an id or day for many totals.
     */
    private static final class Dictionary {
        private final Dimension dimension;
        private final Map<Object, Integer> byInstance = new IdentityHashMap<>();
        private final Map<Object, Integer> byValue = new HashMap<>();
        private final Map<String, Integer> byKey = new HashMap<>();
        private final List<String> keys = new ArrayList<>();

        Dictionary(Dimension dimension) {
            this.dimension = dimension;
        }

        int code(TouchpointDayTotal total) {
            Object value = switch (dimension) {
                case KIND -> total.kind();
                case CAMPAIGN -> total.campaign();
                case AD -> total.ad();
                case AFFILIATE -> total.affiliate();
                case CHANNEL -> total.channel();
                case REP -> total.rep();
                case CURRENCY -> total.currency();
                case DAY, WEEK, MONTH -> total.day();
                default -> throw new IllegalStateException("not kept in day totals: " + dimension);
            };
            // Both maps take a null key: totals without a value get a code of their own.
            Integer code = byInstance.get(value);
            if (code != null) {
                return code;
            }
            code = byValue.get(value);
            if (code == null) {
                String key = value == null ? null : dimension.isTime() ? dimension.keyOf((LocalDate) value)
                        : FactTable.keyOf(value);
                code = byKey.computeIfAbsent(key, k -> {
                    keys.add(k);
                    return keys.size() - 1;
                });
                byValue.put(value, code);
            }
            if (byInstance.size() < MAX_INSTANCES) {
                byInstance.put(value, code);
            }
            return code;
        }

        String key(int code) {
            return keys.get(code);
        }
    }

    /**
     * Per group and measure (at {@code group * measures + measure}): the total (exact: whole numbers as longs, amounts
     * as decimals) and the number of values an average divides by. Flat arrays: groups are many, and a total lands
     * in any of them.
     */
    private static final class Totals {
        private final int measures;
        String[][] keys = new String[64][];
        private long[] units;
        private BigDecimal[] amounts;
        private boolean[] added;
        private long[] counts;
        int groups;

        Totals(int measures) {
            this.measures = measures;
            units = new long[64 * measures];
            amounts = new BigDecimal[64 * measures];
            added = new boolean[64 * measures];
            counts = new long[64 * measures];
        }

        void group(String[] groupKeys) {
            if (groups == keys.length) {
                int capacity = groups * 2;
                keys = Arrays.copyOf(keys, capacity);
                units = Arrays.copyOf(units, capacity * measures);
                amounts = Arrays.copyOf(amounts, capacity * measures);
                added = Arrays.copyOf(added, capacity * measures);
                counts = Arrays.copyOf(counts, capacity * measures);
            }
            keys[groups++] = groupKeys;
        }

        void add(int group, int m, Measure measure, TouchpointDayTotal total) {
            Field field = measure.aggregate() == Measure.Aggregate.COUNT ? null : measure.field();
            long values = field == null || field == Field.COUNT ? total.touchpoints()
                    : field == Field.VALUE ? (total.currency() == null ? 0 : total.touchpoints())
                    : total.timed();
            if (values == 0 && measure.aggregate() == Measure.Aggregate.AVG) {
                return; // no value to average (a scan's average of nothing is null, not 0)
            }
            int at = group * measures + m;
            added[at] = true;
            counts[at] += values;
            if (field == null) {
                units[at] = Math.addExact(units[at], total.touchpoints());
                return;
            }
            switch (field) {
                case COUNT -> units[at] = Math.addExact(units[at], total.count());
                case DURATION -> units[at] = Math.addExact(units[at], total.seconds());
                case VALUE -> amounts[at] = amounts[at] == null ? total.value() : amounts[at].add(total.value());
                default -> throw new IllegalStateException("not a touchpoint field: " + field);
            }
        }

        /**
         * The group's exact value per measure, as {@link GroupTotals#exact} makes it from a total and a count; whole
         * numbers of a field without decimals go straight from their long, without a decimal in between.
         */
        Fraction[] exact(int group, List<Measure> definitionMeasures) {
            Fraction[] out = new Fraction[measures];
            for (int m = 0; m < measures; m++) {
                Measure measure = definitionMeasures.get(m);
                int at = group * measures + m;
                long units = this.units[at];
                boolean whole = added[at] && amounts[at] == null && Finisher.scale(measure) == 0
                        && units != Numbers.NULL;
                if (!whole) {
                    BigDecimal total = amounts[at] != null ? amounts[at] : BigDecimal.valueOf(units);
                    out[m] = GroupTotals.exact(measure, added[at] ? total : null, counts[at]);
                } else if (measure.aggregate() == Measure.Aggregate.AVG) {
                    out[m] = counts[at] == 0 ? Fraction.NULL : new Fraction(units, counts[at]);
                } else {
                    out[m] = new Fraction(units, 1);
                }
            }
            return out;
        }
    }
}
