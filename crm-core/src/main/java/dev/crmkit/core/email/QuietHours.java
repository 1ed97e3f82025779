package dev.crmkit.core.email;

import dev.crmkit.core.common.ValidationException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours of the recipient's day in which no marketing email goes out: from {@code start} (inclusive) to
 * {@code end} (exclusive), in the recipient's time zone; {@code start} after {@code end} spans midnight. A send that
 * falls inside waits until {@code end}. Equal times mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        if (start == null) {
            throw new ValidationException("quietHours.start", "is required");
        }
        if (end == null) {
            throw new ValidationException("quietHours.end", "is required");
        }
    }

    /** No quiet hours. */
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** 21:00 to 08:00. */
    public static QuietHours defaults() {
        return new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    }

    /** Whether the wall-clock time {@code t} lies inside. */
    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * When a message may go out to a recipient in {@code zone} if it is sent at {@code now}: {@code now} itself
     * outside quiet hours, otherwise the next {@code end} there (on a day whose {@code end} falls into a daylight
     * saving gap, the first instant after the gap).
     */
    public Instant nextAllowed(Instant now, ZoneId zone) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime due = local.toLocalDate().atTime(end).atZone(zone);
        if (!due.isAfter(local)) {
            due = local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
        }
        return due.toInstant();
    }
}
