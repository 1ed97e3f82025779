package dev.crmkit.core.service;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When service-level clocks run: from {@code opens} to {@code closes} on {@code days} in {@code zone}, except on
 * {@code holidays}. Targets of a contract with hours skip nights, weekends and holidays.
 */
public record BusinessHours(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days,
                            Set<LocalDate> holidays) {
    public BusinessHours {
        List<FieldError> errors = new ArrayList<>();
        if (zone == null) {
            errors.add(new FieldError("zone", "is required"));
        }
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            errors.add(new FieldError("closes", "must be after opens"));
        }
        if (days == null || days.isEmpty()) {
            errors.add(new FieldError("days", "needs at least one working day"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        days = Set.copyOf(days);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Monday to Friday, {@code opens} to {@code closes}, no holidays. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime opens, LocalTime closes) {
        return new BusinessHours(zone, opens, closes, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    }

    /** The instant {@code amount} of business time after {@code start}; never before {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        ZonedDateTime t = start.atZone(zone);
        Duration left = amount;
        while (true) {
            LocalDate day = t.toLocalDate();
            // Instants, not local times: on a clock-change day a local time may not exist or exist twice.
            ZonedDateTime open = ZonedDateTime.of(day, opens, zone);
            ZonedDateTime close = ZonedDateTime.of(day, closes, zone);
            if (!isWorkingDay(day) || !t.isBefore(close) || !open.isBefore(close)) {
                t = ZonedDateTime.of(nextWorkingDay(day), opens, zone);
                continue;
            }
            if (t.isBefore(open)) {
                t = open;
            }
            Duration today = Duration.between(t, close);
            if (left.compareTo(today) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(today);
            t = ZonedDateTime.of(nextWorkingDay(day), opens, zone);
        }
    }


    private boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
