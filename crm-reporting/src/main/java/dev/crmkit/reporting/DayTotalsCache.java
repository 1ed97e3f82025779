package dev.crmkit.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.Objects;
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
 * nodes' inserts, and a storage's own repairs ({@code RecordRepair} of the JPA adapter), raise no event here: they
 * show within {@code maxStaleness}, the bound {@link ReportCache} gives, counted from when a day was read (a result
 * made of kept days is served only until the oldest of them is that old). A day read while an insert of the tenant
 * committed is not kept: its read may have missed it; nor is one read inside a transaction of the caller's, which may
 * see writes not committed (or, under repeatable read, not see committed ones).
 */
final class DayTotalsCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DayTotalsCache.class);
    /** Windows longer than this read straight through: a day lookup each would cost more than it saves. */
    private static final long MAX_DAYS = 3_700;
    /** The scope of the report running on this thread, if {@link ReportService} runs it through a cache. */
    private static final ThreadLocal<@Nullable Scope> SCOPE = new ThreadLocal<>();

    private record Day(TenantId tenant, LocalDate day) {
    }

    /** A day's totals and when they were read (ticker nanos). */
    private record Kept(List<TouchpointDayTotal> totals, long readAt) {
    }

    /**
     * One report's reads through the cache: its tenant and transaction, the tenant's generation before that
     * transaction began, and when the oldest data it used was read.
     */
    static final class Scope {
        private final DayTotalsCache cache;
        private final TenantId tenant;
        private final long generation;
        private final long startedAt;
        private long oldestRead;
        private @Nullable StorageTx tx;

        private Scope(DayTotalsCache cache, TenantId tenant, long generation, long startedAt) {
            this.cache = cache;
            this.tenant = tenant;
            this.generation = generation;
            this.startedAt = startedAt;
            this.oldestRead = startedAt;
        }

        /** When the oldest data the report used was read: its start, or an earlier read of a day it reused. */
        long oldestRead() {
            return oldestRead;
        }
    }

    private final Cache<Day, Kept> days;
    private final boolean keeps;
    private final Map<TenantId, Long> generations = new HashMap<>(); // guarded by this: a tenant's inserts so far
    private final AutoCloseable subscription;

    /**
     * @param maxTotals    totals kept at most, over all tenants and days
     * @param maxStaleness how long a day is kept at most after it was read (the bound for other nodes' inserts)
     * @param clock        the clock that ages days (the {@code Crm}'s)
     */
    DayTotalsCache(EventBus events, long maxTotals, Duration maxStaleness, Clock clock) {
        this.keeps = maxTotals > 0 && maxStaleness.compareTo(Duration.ZERO) > 0;
        this.days = Caffeine.newBuilder().maximumWeight(maxTotals)
                .<Day, Kept>weigher((day, kept) -> kept.totals().size() + 1)
                .expireAfter(ReportCache.servedUntil(Kept::readAt, maxStaleness))
                .ticker(() -> ReportCache.nanos(clock.instant())).build();
        this.subscription = events.subscribe(TouchpointsRecorded.class, this::onRecorded);
    }

    /**
     * A scope for one report of {@code tenant} that starts at {@code now} (ticker nanos), begun before its
     * transaction opens; null when this cache keeps nothing.
     */
    @Nullable Scope begin(TenantId tenant, long now) {
        return keeps ? new Scope(this, tenant, generation(tenant), now) : null;
    }

    /** Runs {@code work}, which reads through {@code tx}, with its day totals read through {@code scope} if any. */
    static <T> T within(@Nullable Scope scope, StorageTx tx, Supplier<T> work) {
        if (scope == null) {
            return work.get();
        }
        Scope outer = SCOPE.get();
        scope.tx = tx;
        SCOPE.set(scope);
        try {
            return work.get();
        } finally {
            SCOPE.set(outer);
        }
    }

    /**
     * Visits the day totals of {@code [from, to)} as {@code TouchpointRepository.forEachDayTotal} does, through the
     * cache of the report running on this thread when {@code tx} is that report's.
     */
    static void forEachDayTotal(StorageTx tx, @Nullable LocalDate from, @Nullable LocalDate to,
                                Consumer<? super TouchpointDayTotal> visitor) {
        Scope scope = SCOPE.get();
        if (scope == null || scope.tx != tx || from == null || to == null
                || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            tx.touchpoints().forEachDayTotal(from, to, visitor);
        } else {
            scope.cache.forEach(scope, from, to, visitor);
        }
    }

    private void forEach(Scope scope, LocalDate from, LocalDate to, Consumer<? super TouchpointDayTotal> visitor) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            Kept kept = days.getIfPresent(new Day(scope.tenant, d));
            if (kept == null) {
                missing.add(d);
            } else {
                scope.oldestRead = Math.min(scope.oldestRead, kept.readAt());
                kept.totals().forEach(visitor);
            }
        }
        Map<LocalDate, List<TouchpointDayTotal>> read = new HashMap<>();
        for (int i = 0; i < missing.size(); ) {
            int end = i + 1; // one read per run of consecutive missing days
            while (end < missing.size() && missing.get(end).equals(missing.get(end - 1).plusDays(1))) {
                end++;
            }
            Objects.requireNonNull(scope.tx).touchpoints().forEachDayTotal(missing.get(i),
                    missing.get(end - 1).plusDays(1),
                    t -> read.computeIfAbsent(t.day(), d -> new ArrayList<>()).add(t));
            i = end;
        }
        read.values().forEach(totals -> totals.forEach(visitor));
        keep(scope, missing, read);
    }

    private synchronized long generation(TenantId tenant) {
        return generations.getOrDefault(tenant, 0L);
    }

    /**
     * Keeps what was read unless an insert of the tenant committed since the report's transaction began (its reads
     * may have missed it). Synchronized with {@link #onRecorded}: a day is never kept after its event dropped it.
     */
    private synchronized void keep(Scope scope, List<LocalDate> missing,
                                   Map<LocalDate, List<TouchpointDayTotal>> read) {
        if (generations.getOrDefault(scope.tenant, 0L) != scope.generation) {
            return;
        }
        for (LocalDate d : missing) {
            List<TouchpointDayTotal> totals = read.get(d);
            days.put(new Day(scope.tenant, d), new Kept(totals == null ? List.of() : List.copyOf(totals),
                    scope.startedAt));
        }
    }

    private void onRecorded(TouchpointsRecorded event) {
        Set<Long> changed = new HashSet<>(); // numbers, not dates: no object per touchpoint on the writer's thread
        for (Touchpoint t : event.touchpoints()) {
            changed.add(TouchpointDayTotal.epochDay(t));
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
