package dev.crmkit.reporting;

/**
 * The limits of a {@link ReportDefinition}: a definition beyond them is a {@code ValidationException} naming the
 * part, the same on every executor. They keep a report's work bounded and its SQL well below what any database takes
 * in one statement (PostgreSQL binds at most 65,535 parameters: a push-down binds each filter value, the tenant and
 * the window), and they bound the JSON {@link ReportJson#read} accepts.
 */
public final class ReportLimits {
    /** Characters of a report's name and of a measure's name. */
    public static final int NAME = 200;
    /** Measures of one definition. */
    public static final int MEASURES = 100;
    /** Sort keys of one definition. */
    public static final int ORDER = 100;
    /** Values of all filters of one definition together, its measures' {@code where} filters included. */
    public static final int FILTER_VALUES = 1_000;
    /** Characters of one filter value: ids, codes and names as the dimensions key them. */
    public static final int FILTER_VALUE = 255;
    /**
     * Characters of definition JSON {@link ReportJson#read} parses: more than the JSON of any definition within the
     * limits above (every text at its longest and escaped), so every valid definition reads back.
     */
    public static final int JSON = 2_000_000;

    private ReportLimits() {
    }
}
