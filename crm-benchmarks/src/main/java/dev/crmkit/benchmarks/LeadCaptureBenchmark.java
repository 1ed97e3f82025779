package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
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
 * Lead capture with duplicate detection against 10k and 1M stored leads in the in-memory adapter. Matching is
 * index lookups on normalized email, phone and name key, so the time per capture must not grow with the number of
 * stored leads (a scan would make the 1M case ~100x slower than the 10k one).
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar LeadCaptureBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class LeadCaptureBenchmark {
    private static final String[] SURNAMES = {"Lovelace", "Babbage", "Hopper", "Turing", "Noether", "Curie",
        "Meitner", "Franklin", "Goodall", "Hamilton", "Johnson", "Lamarr", "Ride", "Shannon", "Knuth", "Dijkstra"};

    @Param({"10000", "1000000"})
    public int storedLeads;

    private Crm crm;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void fill() {
        crm = Crm.builder().storage(StoredLeads.inMemory(storedLeads, (i, t) -> {
            String last = SURNAMES[i % SURNAMES.length] + (i / SURNAMES.length % 5000);
            String first = "P" + i;
            return new Lead(LeadId.of(UUID.randomUUID()), 0,
                    new Identity(first, last, "Company " + (i % 50_000), null, null),
                    new Reach(EmailAddress.of("person" + i + "@example.com"),
                            new PhoneNumber("+1415" + String.format("%07d", i)), null, null),
                    Origin.of(LeadSource.WEB_FORM), null, LeadStatus.NEW, null, 0, false, UserId.of("rep"), null,
                    null, null, null, t, t, null);
        })).build();
    }

    /** A new lead whose email matches a stored one: the common duplicate case. */
    @Benchmark
    public LeadId captureDuplicateByEmail() {
        long i = next.incrementAndGet() % storedLeads;
        return crm.leads().capture(NewLead.of("Q", SURNAMES[(int) (i % SURNAMES.length)] + (i / 16 % 5000),
                "Person" + i + "@Example.com").company("Company " + (i % 50_000)));
    }

    /** A new lead matching nobody. */
    @Benchmark
    public LeadId captureUnique() {
        long i = next.incrementAndGet();
        return crm.leads().capture(NewLead.of("New", "Unique" + i, "new" + i + "@fresh.example"));
    }
}
