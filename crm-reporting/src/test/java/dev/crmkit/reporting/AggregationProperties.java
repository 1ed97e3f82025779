package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.reporting.Measure.Aggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's results equal a naive computation over the same random facts, in plain BigDecimal arithmetic over
 * lists of maps, for random dimensions, measures, filters, orders and limits, whichever strategy the pass takes.
 */
class AggregationProperties {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final List<Dimension> DIMS = List.of(Dimension.KIND, Dimension.AD, Dimension.AFFILIATE,
            Dimension.VISITOR, Dimension.DAY, Dimension.WEEK, Dimension.MONTH);

    /** One fact as the reference sees it: keys by dimension, values by field (null = no value). */
    record RawFact(Map<Dimension, String> keys, Map<Field, BigDecimal> values) {
    }

    @Provide
    Arbitrary<List<RawFact>> facts() {
        Arbitrary<String> kind = Arbitraries.of("AD_IMPRESSION", "AD_CLICK", "CONVERSION");
        Arbitrary<String> ad = Arbitraries.of("a1", "a2", "a3").injectNull(0.2);
        Arbitrary<String> affiliate = Arbitraries.of("f1", "f2").injectNull(0.3);
        Arbitrary<String> visitor = Arbitraries.of("v1", "v2", "v3", "v4", "v5").injectNull(0.2);
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 70);
        Arbitrary<Long> count = Arbitraries.longs().between(0, 5000);
        Arbitrary<BigDecimal> value = Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigDecimals()
                .between(new BigDecimal("-100"), new BigDecimal("100000")).ofScale(scale)).injectNull(0.3);
        return Combinators.combine(kind, ad, affiliate, visitor, day, count, value).as((k, a, f, v, d, c, val) -> {
            LocalDate date = START.plusDays(d);
            Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
            keys.put(Dimension.KIND, k);
            keys.put(Dimension.AD, a);
            keys.put(Dimension.AFFILIATE, f);
            keys.put(Dimension.VISITOR, v);
            keys.put(Dimension.DAY, date.toString());
            keys.put(Dimension.WEEK, DateTimeFormatter.ISO_WEEK_DATE.format(date).substring(0, 8));
            keys.put(Dimension.MONTH, date.toString().substring(0, 7));
            Map<Field, BigDecimal> values = new EnumMap<>(Field.class);
            values.put(Field.COUNT, BigDecimal.valueOf(c));
            values.put(Field.VALUE, val);
            return new RawFact(keys, values);
        }).list().ofMaxSize(120);
    }

    @Provide
    Arbitrary<ReportDefinition> definitions() {
        Arbitrary<List<Dimension>> dims = Arbitraries.of(DIMS).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Filter> filter = Combinators.combine(Arbitraries.of(DIMS),
                        Arbitraries.of("AD_CLICK", "CONVERSION", "a1", "a2", "f1", "v1", "2026-01",
                                "2026-W02", "2026-01-03").injectNull(0.2).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(true, false))
                .as(Filter::new);
        Arbitrary<Measure> plain = Arbitraries.oneOf(
                Arbitraries.just(Measure.count("x")),
                Arbitraries.of(Dimension.VISITOR, Dimension.AD).map(d -> Measure.countDistinct("x", d)),
                Arbitraries.of(Aggregate.SUM, Aggregate.AVG, Aggregate.MIN, Aggregate.MAX)
                        .flatMap(a -> Arbitraries.of(Field.COUNT, Field.VALUE)
                                .map(f -> new Measure("x", a, f, null, null, null, null))));
        Arbitrary<Measure> conditioned = Combinators.combine(plain, filter.list().ofMaxSize(1))
                .as((m, where) -> where.isEmpty() ? m : m.where(where.get(0)));
        Arbitrary<List<Measure>> measures = conditioned.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<int[]>> ratios = Arbitraries.integers().between(0, 3).array(int[].class).ofSize(2)
                .list().ofMaxSize(2);
        Arbitrary<List<int[]>> orders = Arbitraries.integers().between(0, 20).array(int[].class).ofSize(2)
                .list().ofMaxSize(3);
        Arbitrary<Integer> limit = Arbitraries.integers().between(1, 8).injectNull(0.4);
        return Combinators.combine(dims, measures, ratios, filter.list().ofMaxSize(2), orders, limit)
                .as((d, ms, rs, fs, os, l) -> {
                    ReportDefinition.Builder b = ReportDefinition.of("random", FactSource.TOUCHPOINTS).groupBy(
                            d.toArray(Dimension[]::new));
                    List<String> plainNames = new ArrayList<>();
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < ms.size(); i++) {
                        Measure m = ms.get(i);
                        String name = "m" + i;
                        b.measure(new Measure(name, m.aggregate(), m.field(), m.of(), null, null, m.where()));
                        names.add(name);
                        if (!m.isFraction()) {
                            plainNames.add(name);
                        }
                    }
                    for (int i = 0; i < rs.size() && !plainNames.isEmpty(); i++) {
                        String name = "r" + i;
                        b.measure(Measure.ratio(name, plainNames.get(rs.get(i)[0] % plainNames.size()),
                                plainNames.get(rs.get(i)[1] % plainNames.size())));
                        names.add(name);
                    }
                    fs.forEach(b::filter);
                    List<String> orderable = new ArrayList<>(names);
                    d.forEach(dim -> orderable.add(dim.name()));
                    for (int[] o : os) {
                        b.orderBy(new Order(orderable.get(o[0] % orderable.size()), o[1] % 2 == 0));
                    }
                    return b.limit(l).build();
                });
    }

    @Property(tries = 400)
    void theEngineEqualsANaiveComputation(@ForAll("facts") List<RawFact> facts,
                                          @ForAll("definitions") ReportDefinition def) {
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS, DIMS, EnumSet.of(Field.COUNT, Field.VALUE));
        for (RawFact f : facts) {
            f.keys().forEach(b::set);
            b.set(Field.COUNT, f.values().get(Field.COUNT)).set(Field.VALUE, f.values().get(Field.VALUE));
            b.add();
        }
        FactTable table = b.build();
        List<ReportRow> expected = reference(facts, def);
        for (Aggregation.Strategy strategy : Aggregation.Strategy.values()) {
            ReportResult actual = new Aggregation(table, def, strategy).run(TimeWindow.ALL);
            assertThat(actual.rows()).as(strategy.name()).isEqualTo(expected);
            assertThat(actual.measures()).isEqualTo(def.measures().stream().map(Measure::name).toList());
        }
    }

    /** An exact value num / den; null den = null value. */
    private record Exact(BigDecimal num, BigDecimal den) {
        static final Exact NULL = new Exact(null, null);

        boolean isNull() {
            return den == null;
        }
    }

    static List<ReportRow> reference(List<RawFact> facts, ReportDefinition def) {
        List<RawFact> kept = facts.stream().filter(f -> passes(f, def.filters())).toList();
        Map<List<String>, List<RawFact>> groups = new LinkedHashMap<>();
        if (def.dimensions().isEmpty()) {
            groups.put(List.of(), kept);
        }
        for (RawFact f : def.dimensions().isEmpty() ? List.<RawFact>of() : kept) {
            List<String> key = new ArrayList<>();
            def.dimensions().forEach(d -> key.add(f.keys().get(d)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        Map<List<String>, Map<String, Exact>> exact = new HashMap<>();
        groups.forEach((key, rows) -> {
            Map<String, Exact> byName = new HashMap<>();
            for (Measure m : def.measures()) {
                if (m.aggregate() != Aggregate.RATIO) {
                    byName.put(m.name(), plain(m, rows.stream().filter(f -> passes(f, m.where())).toList()));
                }
            }
            for (Measure m : def.measures()) {
                if (m.aggregate() == Aggregate.RATIO) {
                    Exact a = byName.get(m.numerator());
                    Exact d = byName.get(m.denominator());
                    byName.put(m.name(), a.isNull() || d.isNull() || d.num().signum() == 0 ? Exact.NULL
                            : new Exact(a.num(), d.num()));
                }
            }
            exact.put(key, byName);
        });
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        Comparator<List<String>> order = (x, y) -> 0;
        for (Order o : def.order()) {
            int d = def.dimensions().stream().map(Dimension::name).toList().indexOf(o.by());
            if (d >= 0) {
                order = order.thenComparing(k -> k.get(d), nullsLast(Comparator.<String>naturalOrder(), o.descending()));
            } else {
                order = order.thenComparing(k -> exact.get(k).get(o.by()),
                        nullsLast(AggregationProperties::compareExact, o.descending()));
            }
        }
        for (int i = 0; i < def.dimensions().size(); i++) {
            int d = i;
            order = order.thenComparing(k -> k.get(d), nullsLast(Comparator.<String>naturalOrder(), false));
        }
        keys.sort(order);
        if (def.limit() != null && keys.size() > def.limit()) {
            keys = keys.subList(0, def.limit());
        }
        List<ReportRow> rows = new ArrayList<>();
        for (List<String> k : keys) {
            List<BigDecimal> values = new ArrayList<>();
            for (Measure m : def.measures()) {
                values.add(decimal(m, exact.get(k).get(m.name()), def));
            }
            rows.add(new ReportRow(k, values));
        }
        return rows;
    }

    private static boolean passes(RawFact f, List<Filter> filters) {
        return filters.stream().allMatch(filter -> filter.values().contains(f.keys().get(filter.dimension()))
                != filter.exclude());
    }

    private static Exact plain(Measure m, List<RawFact> rows) {
        Function<RawFact, BigDecimal> field = f -> f.values().get(m.field());
        return switch (m.aggregate()) {
            case COUNT -> new Exact(BigDecimal.valueOf(rows.size()), BigDecimal.ONE);
            case DISTINCT_COUNT -> {
                Set<String> seen = new HashSet<>();
                rows.forEach(f -> {
                    if (f.keys().get(m.of()) != null) {
                        seen.add(f.keys().get(m.of()));
                    }
                });
                yield new Exact(BigDecimal.valueOf(seen.size()), BigDecimal.ONE);
            }
            case SUM -> new Exact(rows.stream().map(field).filter(v -> v != null).reduce(BigDecimal.ZERO,
                    BigDecimal::add), BigDecimal.ONE);
            case MIN, MAX -> rows.stream().map(field).filter(v -> v != null)
                    .reduce(m.aggregate() == Aggregate.MIN ? BigDecimal::min : BigDecimal::max)
                    .map(v -> new Exact(v, BigDecimal.ONE)).orElse(Exact.NULL);
            case AVG -> {
                List<BigDecimal> vs = rows.stream().map(field).filter(v -> v != null).toList();
                yield vs.isEmpty() ? Exact.NULL
                        : new Exact(vs.stream().reduce(BigDecimal.ZERO, BigDecimal::add), BigDecimal.valueOf(vs.size()));
            }
            case RATIO -> throw new IllegalStateException();
        };
    }

    private static int compareExact(Exact a, Exact b) {
        BigDecimal left = a.num().multiply(b.den());
        BigDecimal right = b.num().multiply(a.den());
        // denominators may be negative (a ratio over a negative sum): flip when exactly one side is
        return left.compareTo(right) * a.den().signum() * b.den().signum();
    }

    private static <T> Comparator<T> nullsLast(Comparator<T> natural, boolean descending) {
        return (a, b) -> {
            boolean an = a == null || (a instanceof Exact e && e.isNull());
            boolean bn = b == null || (b instanceof Exact e && e.isNull());
            if (an || bn) {
                return Boolean.compare(an, bn);
            }
            int c = natural.compare(a, b);
            return descending ? -c : c;
        };
    }

    private static BigDecimal decimal(Measure m, Exact e, ReportDefinition def) {
        if (e.isNull()) {
            return null;
        }
        return switch (m.aggregate()) {
            case COUNT, DISTINCT_COUNT -> e.num();
            case SUM, MIN, MAX -> m.field() == Field.VALUE
                    ? e.num().setScale(Math.max(2, e.num().stripTrailingZeros().scale()))
                    : e.num().setScale(0);
            case AVG, RATIO -> e.num().divide(e.den(), Measure.FRACTION_SCALE, RoundingMode.HALF_EVEN);
        };
    }
}
