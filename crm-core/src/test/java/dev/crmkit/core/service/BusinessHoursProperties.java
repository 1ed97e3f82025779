package dev.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BusinessHoursProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<BusinessHours> hours() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZoneId.of("UTC"), ZoneId.of("Europe/London"),
                ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
        Arbitrary<Integer> opens = Arbitraries.integers().between(0, 22 * 60);
        Arbitrary<Integer> length = Arbitraries.integers().between(30, 14 * 60);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1);
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 60).map(d -> LocalDate.of(2026, 1, 1)
                .plusDays(d)).set().ofMaxSize(10);
        return Combinators.combine(zone, opens, length, days, holidays).as((z, o, l, d, h) -> {
            LocalTime open = LocalTime.ofSecondOfDay(o * 60L);
            LocalTime close = LocalTime.ofSecondOfDay(Math.min(o + l, 24 * 60 - 1) * 60L);
            return new BusinessHours(z, open, close, d, h);
        });
    }

    @Property(tries = 500)
    void aTargetIsNeverDueBeforeItStartsAndFallsInsideBusinessHours(@ForAll("hours") BusinessHours hours,
            @ForAll @IntRange(min = 0, max = 60 * 24 * 40) int startMinute,
            @ForAll @IntRange(min = 1, max = 60 * 80) int targetMinutes) {
        Instant start = T0.plus(Duration.ofMinutes(startMinute));
        Instant due = hours.plus(start, Duration.ofMinutes(targetMinutes));

        assertThat(due).isAfter(start);
        ZonedDateTime local = due.atZone(hours.zone());
        assertThat(hours.days()).contains(local.getDayOfWeek());
        assertThat(hours.holidays()).doesNotContain(local.toLocalDate());
        // compared as instants: on a spring-forward day the closing time may not exist (London 01:00 is 02:00 BST)
        LocalDate day = local.toLocalDate();
        assertThat(due).isAfter(ZonedDateTime.of(day, hours.opens(), hours.zone()).toInstant())
                .isBeforeOrEqualTo(ZonedDateTime.of(day, hours.closes(), hours.zone()).toInstant());
    }

    /** Found by the property above: London's 01:00 closing time does not exist on 2026-03-29 (01:00 GMT is 02:00 BST). */
    @Example
    void aTargetEndingAtAClosingTimeInTheSpringGapIsDueWhenTheClocksChange() {
        ZoneId london = ZoneId.of("Europe/London");
        BusinessHours hours = new BusinessHours(london, LocalTime.of(0, 28), LocalTime.of(1, 0),
                Set.of(DayOfWeek.SUNDAY), Set.of());
        Instant sundayOpen = ZonedDateTime.of(LocalDate.of(2026, 3, 29), LocalTime.of(0, 28), london).toInstant();
        assertThat(hours.plus(sundayOpen, Duration.ofMinutes(32))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    /** Found by {@link #targetsAddUp}: New York springs forward at 02:00 on 2026-03-08, so 02:01 is 03:01 EDT. */
    @Example
    void timeIsCountedInInstantsAcrossAClockChange() {
        ZoneId ny = ZoneId.of("America/New_York");
        BusinessHours hours = new BusinessHours(ny, LocalTime.of(1, 15), LocalTime.of(2, 1),
                Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), Set.of());
        Instant sundayOpen = ZonedDateTime.of(LocalDate.of(2026, 3, 8), LocalTime.of(1, 15), ny).toInstant();
        Instant oneMinuteBeforeClose = hours.plus(sundayOpen, Duration.ofMinutes(45));
        assertThat(hours.plus(oneMinuteBeforeClose, Duration.ofMinutes(1)))
                .isEqualTo(hours.plus(sundayOpen, Duration.ofMinutes(46)))
                .isEqualTo(Instant.parse("2026-03-08T07:01:00Z"));
    }

    @Property(tries = 2000)
    void targetsAddUp(@ForAll("hours") BusinessHours hours,
                      @ForAll @IntRange(min = 0, max = 60 * 24 * 40) int startMinute,
                      @ForAll @IntRange(min = 1, max = 60 * 40) int a,
                      @ForAll @IntRange(min = 1, max = 60 * 40) int b) {
        Instant start = T0.plus(Duration.ofMinutes(startMinute));
        Instant stepwise = hours.plus(hours.plus(start, Duration.ofMinutes(a)), Duration.ofMinutes(b));
        assertThat(stepwise).isEqualTo(hours.plus(start, Duration.ofMinutes(a + b)));
    }
}
