package dev.crmkit.core.segment;

/**
 * The longest text, in characters, a saved segment keeps; a longer name is a {@code ValidationException}. The JPA
 * adapter's columns are at least as wide (a test there reads them from the database).
 */
public final class SegmentLimits {
    /** A segment's name; shorter than its column (1000): a name is a label in a list, not a text. */
    public static final int NAME = 200;

    private SegmentLimits() {
    }
}
