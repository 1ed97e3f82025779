package dev.crmkit.core.segment;

/**
 * How a {@link Criteria.Condition} compares a field with its values. A comparison on a field without a value (no
 * owner, no activity yet) is false, also for NE and IN; {@code NOT} then makes it true (two-valued logic, so SQL
 * adapters guard such comparisons with {@code IS NOT NULL}).
 */
public enum Operator {
    /** Equal to the one value. */
    EQ(1, 1),
    /** Has a value, and it differs from the one value. */
    NE(1, 1),
    /** Equal to one of one or more values. */
    IN(1, Integer.MAX_VALUE),
    LT(1, 1),
    LE(1, 1),
    GT(1, 1),
    GE(1, 1),
    /** The tag set contains the one value. */
    CONTAINS(1, 1),
    /** The field has a value (a non-empty tag set); takes no values. */
    IS_SET(0, 0),
    /** The field has no value (an empty tag set); takes no values. */
    IS_EMPTY(0, 0),
    /**
     * The position lies within a distance: the values are latitude, longitude (decimal degrees) and radius in km, e.g.
     * {@code ["48.137", "11.575", "50"]}; false without a position.
     */
    NEAR(3, 3);

    private final int minValues;
    private final int maxValues;

    Operator(int minValues, int maxValues) {
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    /** True when {@code count} values suit this operator. */
    public boolean accepts(int count) {
        return count >= minValues && count <= maxValues;
    }

    String arity() {
        return minValues == maxValues ? (minValues == 0 ? "no values" : "exactly " + minValues + " value")
                : "at least " + minValues + " value";
    }
}
