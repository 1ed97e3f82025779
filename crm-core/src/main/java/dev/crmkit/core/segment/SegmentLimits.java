package dev.crmkit.core.segment;

/**
 * The limits of a saved segment and of criteria: a longer name, a larger or deeper tree, or longer values are a
 * {@code ValidationException} ({@code name}, or the {@code criteria} path of the bad node), the same on every
 * adapter. The tree limits keep one evaluation's work bounded and well below what any database takes in one
 * statement (PostgreSQL binds at most 65,535 parameters): a condition binds at most three, an IN list one per value.
 * The JPA adapter's columns are at least as wide as the name (a test there reads them from the database).
 */
public final class SegmentLimits {
    /** A segment's name; shorter than its column (1000): a name is a label in a list, not a text. */
    public static final int NAME = 200;
    /** Levels of AND / OR / NOT below the root; no real segment nests this deep. */
    public static final int DEPTH = 32;
    /** Nodes (conditions, ANDs, ORs and NOTs) of one tree. */
    public static final int NODES = 1_000;
    /** Values of all conditions of one tree together (an IN list counts each of its values). */
    public static final int VALUES = 1_000;
    /** Characters of one condition value: the widest column a condition compares with (city, region, tag). */
    public static final int VALUE = 255;
    /**
     * Characters of criteria JSON {@link Criteria#fromJson} reads: more than the JSON of any tree within the limits
     * above (every value at its longest and escaped), so every valid tree reads back.
     */
    public static final int JSON = 2_000_000;

    private SegmentLimits() {
    }
}
