package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.reporting.ReportService;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15, goal 2, in memory ({@link LiveAdReport} says what an operation is): {@code touchpoints} ad touchpoints
 * of the last 30 days in an {@link InMemoryStorage} (50 ads × 20 affiliate sites, as {@link AdPerformanceBenchmark}:
 * 10% bulk impression records, 85% clicks, 5% conversions). Target: ≤ 50 ms after each new event, and within 1.5× of
 * {@link #handWritten} over the same data. Under G1 with a fixed 14 GB heap some runs settled at about three times
 * the time of others; {@code -jvmArgsAppend} replaces the heap setting here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LiveAdPerformanceBenchmark extends LiveAdReport {
    @Param("10000000")
    int touchpoints;

    private AdTouchpoints data;

    @Setup
    public void setUp() {
        TenantId tenant = TenantId.of("bench");
        InMemoryStorage storage = InMemoryStorage.create();
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("bench"),
                Set.of(Actor.MANAGER, Actor.ADMIN))).build();
        data = store(storage, tenant, AdCatalog.create(crm, ADS, AFFILIATES), touchpoints);
        start(crm, ReportService.on(crm));
    }

    /** The loop a programmer would write for this one report, over primitive arrays of the same touchpoints. */
    @Benchmark
    public double[][] handWritten() {
        return data.adPerformanceByHand();
    }
}
