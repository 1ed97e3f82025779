package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which facts a report covers by their time (see {@link FactSource}): {@code from} inclusive, {@code to}
 * exclusive, either open when null; or the last {@code lastDays} whole days including today (UTC, or the report's
 * zone), which
 * {@link #resolve resolves} to fixed bounds when a report runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeWindow(Instant from, Instant to, Integer lastDays) {
    /** Every fact, whenever it happened. */
    public static final TimeWindow ALL = new TimeWindow(null, null, null);
    /** The most days a relative window covers: the whole range of instants crm-core stores. */
    public static final int MAX_LAST_DAYS = (int) Duration.between(Validation.EARLIEST_INSTANT,
            Validation.END_OF_INSTANTS).toDays();

    public TimeWindow {
        if (lastDays != null && (from != null || to != null)) {
            throw new ValidationException("window", "give either lastDays or from/to, not both");
        }
        if (lastDays != null && (lastDays < 1 || lastDays > MAX_LAST_DAYS)) {
            throw new ValidationException("window.lastDays", "must be from 1 to " + MAX_LAST_DAYS);
        }
        // Bounds beyond the stored range would overflow date arithmetic in the reports (ALL covers everything).
        Validation v = new Validation();
        v.instant("window.from", from);
        v.check(to == null || !to.isBefore(Validation.EARLIEST_INSTANT) && !to.isAfter(Validation.END_OF_INSTANTS),
                "window.to", "must be from " + Validation.EARLIEST_INSTANT + " until " + Validation.END_OF_INSTANTS);
        v.throwIfInvalid();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ValidationException("window.to", "must be after from");
        }
    }

    public static TimeWindow between(Instant from, Instant to) {
        return new TimeWindow(from, to, null);
    }

    public static TimeWindow lastDays(int days) {
        return new TimeWindow(null, null, days);
    }

    /** Fixed bounds: relative windows end at the start of tomorrow (UTC), so a day's cached result is reused. */
    public TimeWindow resolve(Clock clock) {
        return resolve(clock, ZoneOffset.UTC);
    }

    /** Fixed bounds: relative windows are whole days of {@code zone}, ending at the start of tomorrow there. */
    public TimeWindow resolve(Clock clock, ZoneId zone) {
        if (lastDays == null) {
            return this;
        }
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
        Instant from = tomorrow.minusDays(lastDays).atStartOfDay(zone).toInstant();
        // Nothing is stored before the range starts, so a longer look back is the same window.
        return between(from.isBefore(Validation.EARLIEST_INSTANT) ? Validation.EARLIEST_INSTANT : from,
                tomorrow.atStartOfDay(zone).toInstant());
    }

    /** Whether {@code t} lies in a resolved window. */
    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    @JsonIgnore
    public boolean isRelative() {
        return lastDays != null;
    }
}
