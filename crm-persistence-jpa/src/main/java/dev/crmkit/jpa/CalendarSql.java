package dev.crmkit.jpa;

import dev.crmkit.reporting.Dimension;

/**
 * The calendar keys of report push-down as SQL, the one place where they differ per database: the UTC day
 * ({@code 2026-01-05}), ISO week ({@code 2026-W02}) and month ({@code 2026-01}) of an instant column, as text equal
 * to the in-memory engine's keys. MariaDB stores instants as UTC {@code DATETIME}s; H2 and PostgreSQL are converted
 * to UTC first, whatever the session's time zone.
 */
final class CalendarSql {
    private CalendarSql() {
    }

    /** The key of calendar dimension {@code d} of instant column {@code column} on {@code db}. */
    static String key(Database db, Dimension d, String column) {
        return switch (db) {
            case POSTGRESQL -> "to_char(" + column + " at time zone 'UTC', '" + switch (d) {
                case DAY -> "YYYY-MM-DD";
                case WEEK -> "IYYY-\"W\"IW";
                default -> "YYYY-MM";
            } + "')";
            case MARIADB -> "date_format(" + column + ", '" + switch (d) {
                case DAY -> "%Y-%m-%d";
                case WEEK -> "%x-W%v";
                default -> "%Y-%m";
            } + "')";
            case H2 -> h2(d, column);
        };
    }

    /** H2 casts to DATE in the session's time zone, so days and months are formatted in UTC explicitly. */
    private static String h2(Dimension d, String column) {
        String utc = "(" + column + " at time zone 'UTC')";
        return switch (d) {
            case DAY -> "formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', 'UTC')";
            case WEEK -> "concat(lpad(cast(extract(iso_week_year from " + utc + ") as varchar), 4, '0'), '-W', "
                    + "lpad(cast(extract(iso_week from " + utc + ") as varchar), 2, '0'))";
            default -> "formatdatetime(" + column + ", 'yyyy-MM', 'en', 'UTC')";
        };
    }
}
