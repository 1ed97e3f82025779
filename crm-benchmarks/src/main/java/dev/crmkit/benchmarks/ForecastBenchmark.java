package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.sales.Forecast;
import dev.crmkit.core.sales.ForecastPeriod;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.SalesStage;
import dev.crmkit.core.sales.SalesStages;
import dev.crmkit.core.storage.Storage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rep's and a team's quarterly forecast among 10k and 1M stored opportunities (40 per owner, close dates spread
 * over two years) in the in-memory adapter. Forecasts read the owner index, so the time per forecast must not grow
 * with the number of stored opportunities; a scan would make the 1M case ~100x slower than the 10k one.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar ForecastBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class ForecastBenchmark {
    private static final int PER_OWNER = 40;
    private static final ForecastPeriod QUARTER = ForecastPeriod.quarter(2026, 2);

    @Param({"10000", "1000000"})
    public int storedOpportunities;

    private Crm crm;
    private int owners;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void fill() {
        Storage storage = InMemoryStorage.create();
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        LocalDate day0 = LocalDate.of(2026, 1, 5);
        List<SalesStage> stages = SalesStages.defaults().open();
        owners = storedOpportunities / PER_OWNER;
        int batch = 10_000;
        for (int from = 0; from < storedOpportunities; from += batch) {
            List<Opportunity> opps = new ArrayList<>(batch);
            for (int i = from; i < Math.min(storedOpportunities, from + batch); i++) {
                SalesStage s = stages.get(i % stages.size());
                opps.add(new Opportunity(OpportunityId.of(UUID.randomUUID()), 0, AccountId.of(UUID.randomUUID()),
                        null, "Deal " + i, new Money(BigDecimal.valueOf(100_000 + i, 2), Currency
                        .getInstance(i % 7 == 0 ? "USD" : "EUR")), day0.plusDays(i % 730), owner(i % owners),
                        s.name(), s.probability(), s.category(), OpportunityStatus.OPEN, null, null, List.of(), t, t));
            }
            storage.write(TenantId.DEFAULT, tx -> {
                opps.forEach(tx.opportunities()::save);
                return null;
            });
        }
        crm = Crm.builder().storage(storage).build();
    }

    private static UserId owner(int n) {
        return UserId.of("rep-" + n);
    }

    /** One rep's quarter. */
    @Benchmark
    public Forecast ownerQuarter() {
        return crm.forecasts().forOwner(owner((int) (next.incrementAndGet() % owners)), QUARTER);
    }

    /** A team of five reps' quarter. */
    @Benchmark
    public Forecast teamQuarter() {
        int first = (int) (next.incrementAndGet() % (owners - 5));
        return crm.forecasts().forTeam(Set.of(owner(first), owner(first + 1), owner(first + 2), owner(first + 3),
                owner(first + 4)), QUARTER);
    }
}
