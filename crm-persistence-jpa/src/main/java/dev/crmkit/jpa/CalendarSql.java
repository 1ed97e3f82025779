package dev.crmkit.jpa;

import dev.crmkit.reporting.Dimension;

/**
 * The calendar keys and durations of report push-down as SQL, the one place where they differ per database. Keys:
 * the UTC day
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

    /**
     * The first day (UTC) of the calendar period {@code d} that holds instant column {@code column}, as a SQL DATE,
     * or null on databases where reports group by the {@link #key text key} instead. Grouping by a date is much
     * cheaper than by formatted text (PostgreSQL's {@code to_char} doubled the ad-performance report's time); the
     * executor turns the date into the key with {@link Dimension#keyOf}.
     */
    static String firstDay(Database db, Dimension d, String column) {
        return switch (db) {
            case POSTGRESQL -> {
                String utc = column + " at time zone 'UTC'";
                yield switch (d) {
                    case DAY -> "cast(" + utc + " as date)";
                    case WEEK -> "cast(date_trunc('week', " + utc + ") as date)";
                    default -> "cast(date_trunc('month', " + utc + ") as date)";
                };
            }
            case MARIADB -> switch (d) {
                case DAY -> "cast(" + column + " as date)";
                case WEEK -> "(cast(" + column + " as date) - interval weekday(" + column + ") day)";
                default -> "cast(date_format(" + column + ", '%Y-%m-01') as date)";
            };
            // H2 casts to DATE in the session's time zone, so its keys stay formatted in UTC explicitly
            case H2 -> null;
        };
    }

    /** The month ({@code 2026-03}) of DATE column {@code column}. */
    static String monthOfDate(Database db, String column) {
        return switch (db) {
            case POSTGRESQL -> "to_char(" + column + ", 'YYYY-MM')";
            case MARIADB -> "date_format(" + column + ", '%Y-%m')";
            case H2 -> "formatdatetime(" + column + ", 'yyyy-MM')";
        };
    }

    /** Days from the UTC date of instant column {@code from} to DATE column {@code to}. */
    static String daysFromUtcDate(Database db, String from, String to) {
        return switch (db) {
            case POSTGRESQL -> "(" + to + " - cast(" + from + " at time zone 'UTC' as date))";
            case MARIADB -> "datediff(" + to + ", " + from + ")";
            case H2 -> "datediff(day, cast(formatdatetime(" + from + ", 'yyyy-MM-dd', 'en', 'UTC') as date), " + to
                    + ")";
        };
    }

    /**
     * Whole minutes from instant column {@code from} to {@code to}, truncated toward zero like
     * {@code Duration.toMinutes()}; null when either is null.
     */
    static String minutesBetween(Database db, String from, String to) {
        return switch (db) {
            case POSTGRESQL -> "trunc(extract(epoch from (" + to + " - " + from + ")) / 60)";
            case MARIADB -> "timestampdiff(minute, " + from + ", " + to + ")";
            // H2's datediff counts minute boundaries crossed, not whole minutes elapsed
            case H2 -> "trunc((extract(epoch from " + to + ") - extract(epoch from " + from + ")) / 60)";
        };
    }

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
