package dev.crmkit.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventBus;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.service.ServiceEvent;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.tracking.TrackingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results by tenant, definition and resolved window, bounded, invalidated by domain events. Each tenant and fact
 * source has a generation that every event touching that source advances; a key carries the generation its result
 * was computed under, so a result computed while a write committed is never served after that write's event, even
 * if it lands in the cache late. Events reach only the node that raised them, so a result is also served for at most
 * a bounded time: what other nodes committed shows after that.
 */
final class ReportCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCache.class);

    private record Key(TenantId tenant, ReportDefinition definition, TimeWindow window, Visibility reader,
                       long generation) {
    }

    private record Generation(TenantId tenant, FactSource source) {
    }

    /**
     * A result and when the oldest data it was computed from was read (ticker nanos): it is served until then plus
     * {@code maxStaleness}, so day totals a report reused from earlier reports do not extend the bound.
     */
    record Computed(ReportResult result, long readAt) {
    }

    private final Cache<Key, Computed> results;
    private final Clock clock;
    private final ConcurrentMap<Generation, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final AutoCloseable subscription;

    /**
     * @param maxStaleness how long a result is served at most: the bound within which writes committed on other
     *                     nodes (whose events this node never sees) show
     * @param clock        the clock that ages results (the {@code Crm}'s)
     */
    ReportCache(EventBus events, long maximumSize, Duration maxStaleness, Clock clock) {
        this.clock = clock;
        this.results = Caffeine.newBuilder().maximumSize(maximumSize)
                .expireAfter(servedUntil(Computed::readAt, maxStaleness)).ticker(this::now).recordStats().build();
        this.subscription = events.subscribe(DomainEvent.class, this::onEvent);
    }

    /** Now, on the ticker results are aged by. */
    long now() {
        return nanos(clock.instant());
    }

    static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    /** Entries that expire {@code maxStaleness} after their data was read ({@code readAt}), not after being stored. */
    static <K, V> Expiry<K, V> servedUntil(ToLongFunction<V> readAt, Duration maxStaleness) {
        long bound = maxStaleness.compareTo(Duration.ofDays(365 * 100)) > 0 ? Long.MAX_VALUE / 2
                : maxStaleness.toNanos();
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return Math.max(0, readAt.applyAsLong(value) + bound - currentTime);
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return expireAfterCreate(key, value, currentTime);
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    /**
     * The result for readers who see {@code reader} (equal visibilities share results); {@code compute} is handed
     * the time it starts.
     */
    ReportResult get(TenantId tenant, ReportDefinition definition, TimeWindow window, Visibility reader,
                     LongFunction<Computed> compute) {
        if (definition.source() == FactSource.SEQUENCE_STEPS) {
            // enrollments move on without events (see FactSource.SEQUENCE_STEPS)
            return compute.apply(now()).result();
        }
        long generation = generation(tenant, definition.source()).get();
        return results.get(new Key(tenant, definition, window, reader, generation), k -> compute.apply(now()))
                .result();
    }

    private AtomicLong generation(TenantId tenant, FactSource source) {
        return generations.computeIfAbsent(new Generation(tenant, source), g -> new AtomicLong());
    }

    private void onEvent(DomainEvent event) {
        Set<FactSource> stale = affected(event);
        invalidations.incrementAndGet();
        for (FactSource source : stale) {
            generation(event.tenant(), source).incrementAndGet();
        }
        // Old generations are never asked for again; drop them now rather than wait for eviction.
        results.asMap().keySet().removeIf(k -> k.tenant().equals(event.tenant())
                && stale.contains(k.definition().source()));
    }

    /**
     * The fact sources (facts or their labels) an event changes. Events this engine does not know, such as those of
     * capabilities added later, make every source of the tenant stale: a cached report is never out of date.
     */
    static Set<FactSource> affected(DomainEvent event) {
        if (event instanceof TrackingEvent.TouchpointsRecorded || event instanceof TrackingEvent.VisitorIdentified) {
            return EnumSet.of(FactSource.TOUCHPOINTS);
        }
        if (event instanceof TrackingEvent) {
            // names of campaigns, ads and affiliate sites label touchpoint and lead reports
            return EnumSet.of(FactSource.TOUCHPOINTS, FactSource.LEADS);
        }
        if (event instanceof SalesEvent.OpportunitySaved || event instanceof SalesEvent.OpportunityStageChanged) {
            return EnumSet.of(FactSource.OPPORTUNITIES);
        }
        if (event instanceof ServiceEvent.CaseOpened || event instanceof ServiceEvent.CaseChanged
                || event instanceof ServiceEvent.CaseStatusChanged || event instanceof ServiceEvent.CaseEscalated) {
            return EnumSet.of(FactSource.CASES);
        }
        if (event instanceof TaskEvent.TaskCreated || event instanceof TaskEvent.TaskReassigned
                || event instanceof TaskEvent.TaskRescheduled || event instanceof TaskEvent.TaskClosed) {
            return EnumSet.of(FactSource.TASKS);
        }
        if (event instanceof CustomerEvent.PurchaseRecorded) {
            return EnumSet.of(FactSource.PURCHASES);
        }
        if (event instanceof CustomerEvent.PersonErased) {
            // the person's leads, contacts and their touchpoints' links are gone from every report
            return EnumSet.allOf(FactSource.class);
        }
        if (event instanceof CustomerEvent.FeedbackRecorded) {
            return EnumSet.noneOf(FactSource.class);
        }
        if (event instanceof CustomerEvent.AccountSaved || event instanceof CustomerEvent.ContactSaved) {
            // an owner changed changes who sees the account's deals, cases and purchases (record visibility)
            return EnumSet.of(FactSource.CONTACTS, FactSource.OPPORTUNITIES, FactSource.CASES, FactSource.PURCHASES);
        }
        if (event instanceof CustomerEvent) {
            // contacts, their stage and their account's industry
            return EnumSet.of(FactSource.CONTACTS);
        }
        return EnumSet.allOf(FactSource.class);
    }

    ReportCacheStats stats() {
        CacheStats s = results.stats();
        return new ReportCacheStats(s.hitCount(), s.missCount(), s.evictionCount(), invalidations.get(),
                results.estimatedSize());
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unsubscribe the report cache", e);
        }
        results.invalidateAll();
    }
}
