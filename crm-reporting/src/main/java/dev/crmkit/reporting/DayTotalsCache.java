package dev.crmkit.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventBus;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The touchpoint day totals of earlier reports, by tenant and UTC day, so that a report after a new event reads from
 * storage only the days that event changed (usually today) instead of every day of its window: on a database a
 * month of dashboard traffic is ~90,000 totals, a tenth of a second to read, one day a thirtieth of that. Only
 * inserting touchpoints changes totals (they are never deleted through the API and their totalled fields never
 * change), so a day is dropped when this node's {@link TouchpointsRecorded} names it and on no other event. Other
 * nodes' inserts raise no event here: a day is kept at most {@code maxStaleness}, the bound {@link ReportCache}
 * gives. A day read while an insert of the tenant committed is not kept: its read may have missed it.
 */
final class DayTotalsCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DayTotalsCache.class);
    /** Windows longer than this read straight through: a day lookup each would cost more than it saves. */
    private static final long MAX_DAYS = 3_700;
    private static final long SECONDS_PER_DAY = 86_400;
    /** The cache a report computed by {@link ReportService} reads through, with its tenant; null elsewhere. */
    private static final ThreadLocal<@Nullable Scope> SCOPE = new ThreadLocal<>();

    private record Day(TenantId tenant, LocalDate day) {
    }

    private record Scope(DayTotalsCache cache, TenantId tenant) {
    }

    private final Cache<Day, List<TouchpointDayTotal>> days;
    private final Map<TenantId, Long> generations = new HashMap<>(); // guarded by this: a tenant's inserts so far
    private final AutoCloseable subscription;

    /**
     * @param maxTotals    totals kept at most, over all tenants and days
     * @param maxStaleness how long a day is kept at most (the bound for other nodes' inserts to show)
     * @param clock        the clock that ages days (the {@code Crm}'s)
     */
    DayTotalsCache(EventBus events, long maxTotals, Duration maxStaleness, Clock clock) {
        this.days = Caffeine.newBuilder().maximumWeight(maxTotals)
                .<Day, List<TouchpointDayTotal>>weigher((day, totals) -> totals.size() + 1)
                .expireAfterWrite(maxStaleness).ticker(() -> ReportCache.nanos(clock.instant())).build();
        this.subscription = events.subscribe(TouchpointsRecorded.class, this::onRecorded);
    }

    /** Runs {@code work} (a report of {@code tenant}) with day totals read through this cache. */
    <T> T around(TenantId tenant, Supplier<T> work) {
        Scope outer = SCOPE.get();
        SCOPE.set(new Scope(this, tenant));
        try {
            return work.get();
        } finally {
            SCOPE.set(outer);
        }
    }

    /**
     * Visits the day totals of {@code [from, to)} as {@link dev.crmkit.core.tracking.TouchpointRepository#forEachDayTotal}
     * does, through the cache of the report running on this thread if there is one.
     */
    static void forEachDayTotal(StorageTx tx, @Nullable LocalDate from, @Nullable LocalDate to,
                                Consumer<? super TouchpointDayTotal> visitor) {
        Scope scope = SCOPE.get();
        if (scope == null || from == null || to == null || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            tx.touchpoints().forEachDayTotal(from, to, visitor);
        } else {
            scope.cache().forEach(tx, scope.tenant(), from, to, visitor);
        }
    }

    private void forEach(StorageTx tx, TenantId tenant, LocalDate from, LocalDate to,
                         Consumer<? super TouchpointDayTotal> visitor) {
        long generation = generation(tenant);
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            List<TouchpointDayTotal> kept = days.getIfPresent(new Day(tenant, d));
            if (kept == null) {
                missing.add(d);
            } else {
                kept.forEach(visitor);
            }
        }
        Map<LocalDate, List<TouchpointDayTotal>> read = new HashMap<>();
        for (int i = 0; i < missing.size(); ) {
            int end = i + 1; // one read per run of consecutive missing days
            while (end < missing.size() && missing.get(end).equals(missing.get(end - 1).plusDays(1))) {
                end++;
            }
            tx.touchpoints().forEachDayTotal(missing.get(i), missing.get(end - 1).plusDays(1),
                    t -> read.computeIfAbsent(t.day(), d -> new ArrayList<>()).add(t));
            i = end;
        }
        read.values().forEach(totals -> totals.forEach(visitor));
        keep(tenant, generation, missing, read);
    }

    private synchronized long generation(TenantId tenant) {
        return generations.getOrDefault(tenant, 0L);
    }

    /** Keeps what was read unless an insert of the tenant committed since the read began (it may have missed it). */
    private synchronized void keep(TenantId tenant, long generation, List<LocalDate> missing,
                                   Map<LocalDate, List<TouchpointDayTotal>> read) {
        if (generations.getOrDefault(tenant, 0L) != generation) {
            return;
        }
        for (LocalDate d : missing) {
            List<TouchpointDayTotal> totals = read.get(d);
            days.put(new Day(tenant, d), totals == null ? List.of() : List.copyOf(totals));
        }
    }

    private void onRecorded(TouchpointsRecorded event) {
        Set<Long> changed = new HashSet<>(); // UTC days by arithmetic: LocalDate.ofInstant makes a map a call
        for (Touchpoint t : event.touchpoints()) {
            changed.add(Math.floorDiv(t.occurredAt().getEpochSecond(), SECONDS_PER_DAY));
        }
        synchronized (this) {
            generations.merge(event.tenant(), 1L, Long::sum);
            for (long d : changed) {
                days.invalidate(new Day(event.tenant(), LocalDate.ofEpochDay(d)));
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe the day totals cache", e);
        }
        days.invalidateAll();
    }
}
