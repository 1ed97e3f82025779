package dev.crmkit.jpa;

import dev.crmkit.reporting.Dimension;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The calendar keys and durations of report push-down as SQL, the one place where they differ per database. Keys:
 * the day ({@code 2026-01-05}), ISO week ({@code 2026-W02}) and month ({@code 2026-01}) of an instant column in the
 * report's zone, as text equal to the in-memory engine's keys. MariaDB stores instants as UTC {@code DATETIME}s and
 * shifts them to fixed offsets only (zone names need its time zone tables, not loaded by default); H2 and PostgreSQL
 * convert to any zone, whatever the session's time zone.
 */
final class CalendarSql {
    private CalendarSql() {
    }

    /** Whether {@code db} can place instants in {@code zone} (zones are {@link ZoneId#normalized() normalized}). */
    static boolean supports(Database db, ZoneId zone) {
        return db != Database.MARIADB || zone instanceof ZoneOffset;
    }

    /** The text key of calendar dimension {@code d} of instant column {@code column} in {@code zone}. */
    static String key(Database db, Dimension d, String column, ZoneId zone) {
        return switch (db) {
            case POSTGRESQL -> "to_char(" + local(db, column, zone) + ", '" + switch (d) {
                case DAY -> "YYYY-MM-DD";
                case WEEK -> "IYYY-\"W\"IW";
                default -> "YYYY-MM";
            } + "')";
            case MARIADB -> "date_format(" + local(db, column, zone) + ", '" + switch (d) {
                case DAY -> "%Y-%m-%d";
                case WEEK -> "%x-W%v";
                default -> "%Y-%m";
            } + "')";
            case H2 -> h2(d, column, zone);
        };
    }

    /**
     * The first day (in {@code zone}) of the calendar period {@code d} that holds instant column {@code column}, as
     * a SQL DATE, or null on databases where reports group by the {@link #key text key} instead. Grouping by a date
     * is much cheaper than by formatted text (PostgreSQL's {@code to_char} doubled the ad-performance report's
     * time); the executor turns the date into the key with {@link Dimension#keyOf}.
     */
    static String firstDay(Database db, Dimension d, String column, ZoneId zone) {
        return switch (db) {
            case POSTGRESQL -> {
                String local = local(db, column, zone);
                yield switch (d) {
                    case DAY -> "cast(" + local + " as date)";
                    case WEEK -> "cast(date_trunc('week', " + local + ") as date)";
                    default -> "cast(date_trunc('month', " + local + ") as date)";
                };
            }
            case MARIADB -> {
                String local = local(db, column, zone);
                yield switch (d) {
                    case DAY -> "cast(" + local + " as date)";
                    case WEEK -> "(cast(" + local + " as date) - interval weekday(" + local + ") day)";
                    default -> "cast(date_format(" + local + ", '%Y-%m-01') as date)";
                };
            }
            // H2 casts to DATE in the session's time zone, so its keys stay formatted in the zone explicitly
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

    /** Days from the date (in {@code zone}) of instant column {@code from} to DATE column {@code to}. */
    static String daysFromLocalDate(Database db, String from, String to, ZoneId zone) {
        return switch (db) {
            case POSTGRESQL -> "(" + to + " - cast(" + local(db, from, zone) + " as date))";
            case MARIADB -> "datediff(" + to + ", " + local(db, from, zone) + ")";
            case H2 -> "datediff(day, cast(formatdatetime(" + from + ", 'yyyy-MM-dd', 'en', '" + timeZone(zone)
                    + "') as date), " + to + ")";
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

    /**
     * Instant column {@code column} as the local date-time in {@code zone}. Zone ids are inlined: {@link ZoneId}
     * admits only letters, digits and {@code /_+-:}, so they cannot break out of the literal. PostgreSQL takes an
     * offset as an interval, since it reads text offsets with POSIX's inverted sign.
     */
    private static String local(Database db, String column, ZoneId zone) {
        boolean utc = zone.equals(ZoneOffset.UTC);
        return switch (db) {
            case POSTGRESQL -> "(" + column + " at time zone " + (utc ? "'UTC'"
                    : zone instanceof ZoneOffset offset ? "interval '" + offset.getId() + "'"
                    : "'" + zone.getId() + "'") + ")";
            // DATETIME arithmetic, not convert_tz: that takes offsets from -12:59 to +13:00 only and leaves values
            // outside the TIMESTAMP range (before 1970, after 2038) unconverted
            case MARIADB -> utc ? column
                    : "(" + column + " + interval " + ((ZoneOffset) zone).getTotalSeconds() + " second)";
            case H2 -> "(" + column + " at time zone '" + (utc ? "UTC" : zone.getId()) + "')";
        };
    }

    /** The zone as a {@link java.util.TimeZone} id, which H2's {@code formatdatetime} takes. */
    private static String timeZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone instanceof ZoneOffset offset ? "GMT" + offset.getId() : zone.getId();
    }

    private static String h2(Dimension d, String column, ZoneId zone) {
        String local = local(Database.H2, column, zone);
        return switch (d) {
            case DAY -> "formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', '" + timeZone(zone) + "')";
            case WEEK -> "concat(lpad(cast(extract(iso_week_year from " + local + ") as varchar), 4, '0'), '-W', "
                    + "lpad(cast(extract(iso_week from " + local + ") as varchar), 2, '0'))";
            default -> "formatdatetime(" + column + ", 'yyyy-MM', 'en', '" + timeZone(zone) + "')";
        };
    }
}
