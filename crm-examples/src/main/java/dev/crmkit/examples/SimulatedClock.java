package dev.crmkit.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The host's clock as the examples move it: days pass in a line of code, so scheduled work (held email, delayed
 * rules) falls due without waiting. A real host passes {@code Clock.systemUTC()} or leaves the builder's default.
 */
final class SimulatedClock extends Clock {
    private Instant now;

    SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}. */
    void set(Instant instant) {
        now = instant;
    }

    /** Moves the clock on by {@code duration}. */
    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
