package dev.crmkit.reporting;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.internal.Internal;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs reports for the actor of a {@link Crm}, in its tenant. Results are cached by tenant, definition and window
 * (bounded; see {@link #cacheStats()}) and dropped when a domain event changes the facts or labels they came from,
 * so a report asked for after a service call returned never reflects the data from before it. Other nodes' writes
 * (and writes straight through the storage SPI) raise no events here: they show once a result is older than
 * {@link Builder#maxStaleness} (10 seconds by default).
 * Thread-safe; create one per application and derive per-user views with {@link #as(Actor)}.
 *
 * <pre>{@code
 * ReportService reports = ReportService.on(crm);
 * ReportResult top = reports.run(StandardReports.adsByClickThroughRate());
 * System.out.println(ReportFormat.TEXT.render(top));
 * }</pre>
 */
public final class ReportService implements AutoCloseable {
    /** Results held at most, by default. */
    public static final long DEFAULT_CACHE_SIZE = 1_000;
    /**
     * How long a result is served at most, by default: the bound for writes committed on other nodes to show (this
     * node's own writes show at once).
     */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(10);
    /** Touchpoint day totals kept between reports at most, by default (see {@link Builder#dayTotalsKept}). */
    public static final long DEFAULT_DAY_TOTALS_KEPT = 500_000;

    private final Crm crm;
    private final CrmContext<StorageTx> ctx;
    private final ReportExecutor executor;
    private final ReportCache cache;
    private final DayTotalsCache dayTotals;

    private ReportService(Crm crm, ReportExecutor executor, ReportCache cache, DayTotalsCache dayTotals) {
        this.crm = crm;
        this.ctx = Internal.context(crm);
        this.executor = executor;
        this.cache = cache;
        this.dayTotals = dayTotals;
    }

    /** Reports over {@code crm}'s storage with the in-memory executor and a cache of the default size. */
    public static ReportService on(Crm crm) {
        return builder(crm).build();
    }

    public static Builder builder(Crm crm) {
        return new Builder(crm);
    }

    /** The same service (executor, cache) acting for {@code actor}. */
    public ReportService as(Actor actor) {
        return new ReportService(crm.as(actor), executor, cache, dayTotals);
    }

    /** Runs {@code definition} over its own window. */
    public ReportResult run(ReportDefinition definition) {
        return run(definition, definition.window());
    }

    /**
     * Runs {@code definition} over {@code window} instead of its own; relative windows end today in its zone. The
     * result counts only the records the actor sees (see {@code dev.crmkit.core.sharing}): a rep's pipeline report
     * is their own and their account teams', a manager's their teams'; touchpoints and nurture steps are tenant-wide
     * counts that only a reader seeing every lead may break down by lead, contact, account or visitor
     * ({@code AccessDeniedException}).
     */
    public ReportResult run(ReportDefinition definition, TimeWindow window) {
        Objects.requireNonNull(definition, "definition");
        TimeWindow resolved = window.resolve(ctx.clock(), definition.zone());
        String kind = SeenFacts.kindOf(definition.source());
        Visibility reader = Audience.seesAll(ctx, kind) ? Visibility.everything()
                : ctx.read(tx -> Audience.of(ctx, tx, kind));
        SeenFacts.check(definition, reader);
        TenantId tenant = ctx.actor().tenant();
        return cache.get(tenant, definition, resolved, reader, startedAt -> {
            // day totals are kept for others only from a transaction of the report's own, which sees what committed
            DayTotalsCache.Scope scope = ctx.writesMayLeaveThread() ? dayTotals.begin(tenant, startedAt) : null;
            ReportResult result = ctx.read(tx -> DayTotalsCache.within(scope, tx,
                    () -> labelled(executor.execute(definition, resolved, reader, tx), tx)));
            return new ReportCache.Computed(result, scope == null ? startedAt : scope.oldestRead());
        });
    }

    public ReportCacheStats cacheStats() {
        return cache.stats();
    }

    /** Stops listening to events and empties the cache, for this service and every view of it. */
    @Override
    public void close() {
        cache.close();
        dayTotals.close();
    }

    private static ReportResult labelled(ReportResult result, StorageTx tx) {
        Map<Dimension, Map<String, String>> labels = new EnumMap<>(Dimension.class);
        for (int d = 0; d < result.dimensions().size(); d++) {
            Dimension dim = result.dimensions().get(d);
            Function<UUID, Optional<String>> name = switch (dim) {
                case AD -> id -> tx.ads().find(AdId.of(id)).map(a -> a.name());
                case CAMPAIGN -> id -> tx.campaigns().find(CampaignId.of(id)).map(c -> c.name());
                case AFFILIATE -> id -> tx.affiliates().find(AffiliateId.of(id)).map(a -> a.name());
                default -> null;
            };
            if (name == null) {
                continue;
            }
            Map<String, String> names = new HashMap<>();
            for (ReportRow row : result.rows()) {
                String key = row.key(d);
                if (key != null && !names.containsKey(key)) {
                    name.apply(UUID.fromString(key)).ifPresent(n -> names.put(key, n));
                }
            }
            labels.put(dim, names);
        }
        return result.withLabels(labels);
    }

    /** Configures a {@link ReportService}. */
    public static final class Builder {
        private final Crm crm;
        private ReportExecutor executor = new InMemoryReportExecutor();
        private long cacheSize = DEFAULT_CACHE_SIZE;
        private Duration maxStaleness = DEFAULT_MAX_STALENESS;
        private long dayTotalsKept = DEFAULT_DAY_TOTALS_KEPT;

        private Builder(Crm crm) {
            this.crm = Objects.requireNonNull(crm, "crm");
        }

        /** Who runs definitions; default {@link InMemoryReportExecutor}. */
        public Builder executor(ReportExecutor newExecutor) {
            this.executor = Objects.requireNonNull(newExecutor, "executor");
            return this;
        }

        /** At most this many results are cached (0 disables caching); default {@link #DEFAULT_CACHE_SIZE}. */
        public Builder cacheSize(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must be 0 or more");
            }
            this.cacheSize = size;
            return this;
        }

        /**
         * How long a cached result is served at most; default {@link #DEFAULT_MAX_STALENESS}. This node's own writes
         * refresh its results at once (by their events); writes committed by other nodes on the same database, whose
         * events this node never sees, show after at most this long. {@code Duration.ZERO} computes every request.
         */
        public Builder maxStaleness(Duration staleness) {
            Objects.requireNonNull(staleness, "staleness");
            if (staleness.isNegative()) {
                throw new IllegalArgumentException("max staleness must be 0 or more");
            }
            this.maxStaleness = staleness;
            return this;
        }

        /**
         * At most this many touchpoint day totals are kept between reports (0 keeps none); default
         * {@link #DEFAULT_DAY_TOTALS_KEPT}. A touchpoint report over whole UTC days adds up the totals of each day of
         * its window; kept, after a new event only the days it changed are read again (on a database, a month of
         * busy dashboard traffic is ~90,000 totals, a tenth of a second to read). Kept days age out like results,
         * after {@link #maxStaleness}. About 100 bytes a total on a database adapter; in memory they are the
         * storage's own.
         */
        public Builder dayTotalsKept(long totals) {
            if (totals < 0) {
                throw new IllegalArgumentException("day totals kept must be 0 or more");
            }
            this.dayTotalsKept = totals;
            return this;
        }

        public ReportService build() {
            Clock clock = Internal.context(crm).clock();
            // subscribed first, so its listener drops an event's days before the results' generation moves on: a
            // result computed in between would otherwise be made of a dropped day and kept under the new generation
            DayTotalsCache dayTotals = new DayTotalsCache(crm.events(), dayTotalsKept, maxStaleness, clock);
            return new ReportService(crm, executor, new ReportCache(crm.events(), cacheSize, maxStaleness, clock),
                    dayTotals);
        }
    }
}
