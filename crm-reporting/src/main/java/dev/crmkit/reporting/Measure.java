package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One number per result row, named for ordering and output. Every aggregate except {@link Aggregate#RATIO} may be
 * restricted with {@code where} filters to a subset of the row's facts, e.g. clicks = sum of
 * {@link Field#COUNT} where {@link Dimension#KIND} is {@code AD_CLICK}.
 *
 * <p>Values in a result are {@link java.math.BigDecimal}s defined exactly, so every executor returns the same:
 * <ul>
 * <li>COUNT, DISTINCT_COUNT: integers; SUM of no facts is 0.</li>
 * <li>SUM, MIN, MAX: exact; money fields with at least two decimals (more only when the value has them). MIN and
 * MAX of no facts are null.</li>
 * <li>AVG (sum / number of facts with a value) and RATIO (numerator / denominator): the exact fraction rounded
 * {@code HALF_EVEN} to {@link #FRACTION_SCALE} decimals; null when the denominator is 0. Ordering by them compares
 * the exact fractions, not the rounded values.</li>
 * </ul>
 *
 * @param field       the field a SUM, AVG, MIN or MAX aggregates
 * @param of          the dimension whose distinct non-null keys a DISTINCT_COUNT counts
 * @param numerator   the name of the measure a RATIO divides (not an average or ratio)
 * @param denominator the name of the measure a RATIO divides by (not an average or ratio)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Measure(String name, Aggregate aggregate, Field field, Dimension of, String numerator,
                      String denominator, List<Filter> where) {
    /** Decimal places of averages and ratios. */
    public static final int FRACTION_SCALE = 6;

    /** How a measure combines the facts of a row. */
    public enum Aggregate { COUNT, DISTINCT_COUNT, SUM, AVG, MIN, MAX, RATIO }

    public Measure {
        Objects.requireNonNull(aggregate, "aggregate");
        where = where == null ? List.of() : List.copyOf(where);
    }

    /** Number of facts. */
    public static Measure count(String name) {
        return new Measure(name, Aggregate.COUNT, null, null, null, null, null);
    }

    /** Number of distinct non-null keys of {@code dimension}, e.g. distinct visitors. */
    public static Measure countDistinct(String name, Dimension dimension) {
        return new Measure(name, Aggregate.DISTINCT_COUNT, null, dimension, null, null, null);
    }

    public static Measure sum(String name, Field field) {
        return new Measure(name, Aggregate.SUM, field, null, null, null, null);
    }

    public static Measure avg(String name, Field field) {
        return new Measure(name, Aggregate.AVG, field, null, null, null, null);
    }

    public static Measure min(String name, Field field) {
        return new Measure(name, Aggregate.MIN, field, null, null, null, null);
    }

    public static Measure max(String name, Field field) {
        return new Measure(name, Aggregate.MAX, field, null, null, null, null);
    }

    /** {@code numerator / denominator}, both names of other measures of the same report. */
    public static Measure ratio(String name, String numerator, String denominator) {
        return new Measure(name, Aggregate.RATIO, null, null, numerator, denominator, null);
    }

    /** This measure counting only facts whose {@code dimension} key is one of {@code values}. */
    public Measure where(Dimension dimension, String... values) {
        return where(Filter.in(dimension, values));
    }

    /** This measure counting only facts that also pass {@code filter}. */
    public Measure where(Filter filter) {
        List<Filter> more = new ArrayList<>(where);
        more.add(filter);
        return new Measure(name, aggregate, field, of, numerator, denominator, more);
    }

    /** True for AVG and RATIO, whose value is a fraction. */
    @JsonIgnore
    public boolean isFraction() {
        return aggregate == Aggregate.AVG || aggregate == Aggregate.RATIO;
    }
}
