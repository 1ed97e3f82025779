package dev.crmkit.core.sales;

import dev.crmkit.core.common.ValidationException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** A range of close dates, {@code [from, until)}: usually a month or a quarter. */
public record ForecastPeriod(LocalDate from, LocalDate until) {
    public ForecastPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new ValidationException("until", "must be after from");
        }
    }

    public static ForecastPeriod month(YearMonth month) {
        return new ForecastPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** Quarter {@code quarter} (1..4) of {@code year}. */
    public static ForecastPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ValidationException("quarter", "must be between 1 and 4");
        }
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        return new ForecastPeriod(from, from.plusMonths(3));
    }

    /** The quarter containing {@code day}. */
    public static ForecastPeriod quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() + 2) / 3);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }
}
