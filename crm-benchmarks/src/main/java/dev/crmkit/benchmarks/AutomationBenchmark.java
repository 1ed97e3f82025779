package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.automation.RuleDefinition;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.storage.Storage;
import java.util.ArrayList;
import java.util.List;
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
 * Workflow rules in memory, on the user's path: a lead captured through {@code crm.leads().capture} and its
 * {@code LeadCaptured} delivered by {@code crm.events().dispatchDue()} with {@code rules} enabled rules on that event,
 * each with a country criterion the lead does not meet. {@code captureAndEvaluate} with 101 rules minus the same with
 * 1 is what evaluating 100 more rules for one event costs a host (the outbox entry is there in both);
 * {@code criteriaOnly} is the kernel: the storage's check of the rules' criteria on one lead, in one read.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar AutomationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutomationBenchmark {
    @Param({"1", "101"})
    public int rules;

    private Storage storage;
    private Crm crm;
    private final List<Criteria> criteria = new ArrayList<>();
    private LeadId sample;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        storage = InMemoryStorage.create();
        crm = Crm.builder().storage(storage).build();
        for (int i = 0; i < rules; i++) {
            String country = "C" + i;
            RuleDefinition rule = RuleDefinition.fromJson("""
                    {"name": "rule %d", "event": "LeadCaptured",
                     "criteria": {"type": "condition", "field": "country", "op": "EQ", "values": ["%s"]},
                     "actions": [{"type": "addTag", "tag": "t%d"}]}""".formatted(i, country, i));
            crm.automation().create(rule);
            criteria.add(rule.criteria());
        }
        sample = capture();
        crm.events().dispatchDue();
    }

    private LeadId capture() {
        long n = next.incrementAndGet();
        return crm.leads().capture(NewLead.of("Ada", "Lovelace" + n, "ada" + n + "@example.com")
                .address(Address.of("Wellington", null, "NZ")));
    }

    /** One capture and the delivery of its event: every rule's criterion checked, none holds. */
    @Benchmark
    public int captureAndEvaluate() {
        capture();
        return crm.events().dispatchDue();
    }

    /** The kernel: the storage's evaluation of the rules' criteria on one lead. */
    @Benchmark
    public int criteriaOnly() {
        return storage.read(TenantId.DEFAULT, tx -> {
            int hits = 0;
            for (Criteria c : criteria) {
                if (tx.segmentQueries().matches(SegmentTarget.LEAD, sample, c)) {
                    hits++;
                }
            }
            return hits;
        });
    }
}
