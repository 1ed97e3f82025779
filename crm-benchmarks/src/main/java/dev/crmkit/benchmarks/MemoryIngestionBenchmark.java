package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackedActivity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Issue 15, goal 1, in memory: ad clicks recorded through {@code crm.tracking().recordAll} in batches of 1,000, each
 * with its own external id and visitor (resolution, validation, idempotency, day totals, events), into an
 * {@link InMemoryStorage} that starts each iteration empty. Score: events per second. Target ≥ 1,000,000.
 *
 * <p>The host's own work is not measured: each batch of events is built before the call (the ids' text alone was a
 * tenth of the time). The heap is touched once at start ({@code AlwaysPreTouch}): a host that has run for a while
 * has done so, while a fresh 8 GB heap pays the kernel for each page the first time a store's tables land on it,
 * which made iterations of one fork range from 0.35M to 1.1M events/s.
 *
 * <p>{@link #spiInsertAll} is the kernel figure beside it: the same clicks, already resolved to touchpoints, through
 * the storage SPI's {@code insertAll} (idempotency and visitor indexes, columns, day totals; no resolution,
 * validation, ids or events).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MemoryIngestionBenchmark {
    private static final int BATCH = 1000;
    private static final TenantId TENANT = TenantId.of("bench");

    private InMemoryStorage storage;
    private Crm crm;
    private AdCatalog catalog;
    private final IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
    private long sequence;
    private List<TrackedActivity> clicks = List.of();
    private List<Touchpoint> touchpoints = List.of();

    /**
     * A new, empty store per iteration; the last one is collected first (not measured): a host's store lives on and
     * grows, it does not leave hundreds of megabytes of garbage in the old generation every few seconds.
     */
    @Setup(Level.Iteration)
    public void emptyStorage() {
        crm = null;
        storage = null;
        System.gc();
        storage = InMemoryStorage.create();
        crm = Crm.builder().storage(storage).actor(new Actor(TENANT, UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        catalog = AdCatalog.create(crm, LiveAdReport.ADS, LiveAdReport.AFFILIATES);
    }

    /**
     * The next batch, as events or as touchpoints (only what the running method takes: the other's garbage would be
     * collected in its measured time): new external ids and visitors, the catalogue's ads and sites in turn.
     */
    @Setup(Level.Invocation)
    public void nextBatch(BenchmarkParams params) {
        boolean asTouchpoints = params.getBenchmark().endsWith(".spiInsertAll");
        List<TrackedActivity> batch = new ArrayList<>(BATCH);
        List<Touchpoint> rows = new ArrayList<>(BATCH);
        Instant now = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            long n = sequence++;
            int ad = (int) (n % LiveAdReport.ADS);
            int site = (int) (n % LiveAdReport.AFFILIATES);
            if (asTouchpoints) {
                rows.add(new Touchpoint(TouchpointId.of(ids.next()), TouchpointKind.AD_CLICK, now, "click-" + n,
                        "visitor-" + n, null, null, null, catalog.campaign(), catalog.ads().get(ad),
                        catalog.sites().get(site), Channel.WEB, 1, null, null, null, null, null, null, null, null,
                        null));
            } else {
                batch.add(new TrackedActivity.AdClick("click-" + n, now, "visitor-" + n, "AD-" + ad, "AFF-" + site,
                        null));
            }
        }
        clicks = batch;
        touchpoints = rows;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int recordAll() {
        return crm.tracking().recordAll(clicks);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int spiInsertAll() {
        return storage.write(TENANT, tx -> tx.touchpoints().insertAll(touchpoints)).size();
    }
}
