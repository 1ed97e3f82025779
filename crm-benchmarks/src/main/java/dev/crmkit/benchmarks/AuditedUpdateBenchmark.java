package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.audit.AuditSettings;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.jpa.JpaStorage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the audit trail costs a lead update (issue 17: at most 1.3 times the update without it): {@code assign}
 * through the public API, which reads the lead, checks, saves it, raises its event and, with the trail, compares the
 * two versions and appends the entry in the same transaction. The same calls with {@link AuditSettings#off()} are the
 * baseline. In memory and on PostgreSQL ({@link PgSchema}).
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar AuditedUpdateBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AuditedUpdateBenchmark {
    private static final int LEADS = 1_000;

    @Param({"memory", "postgresql"})
    public String storage;

    @Param({"on", "off"})
    public String audit;

    private PgSchema db;
    private Storage store;
    private Crm crm;
    private final List<LeadId> leads = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void fill() throws SQLException {
        if (storage.equals("postgresql")) {
            db = PgSchema.create();
            store = JpaStorage.create(db.pool());
        } else {
            store = InMemoryStorage.create();
        }
        Crm.Builder b = Crm.builder().storage(store);
        if (audit.equals("off")) {
            b.with(AuditSettings.off());
        }
        crm = b.build();
        for (int i = 0; i < LEADS; i++) {
            leads.add(crm.leads().capture(NewLead.of("Ada", "Lovelace " + i, "ada" + i + "@example.com")
                    .company("Analytical Engines " + i)));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        crm.close();
        if (db != null) {
            db.close();
        }
    }

    /** A lead handed to another rep: one field changes, the rest of the lead is compared and stays. */
    @Benchmark
    public Lead assign() {
        int i = next++;
        return crm.leads().assign(leads.get(i % LEADS), UserId.of("rep-" + (i / LEADS) % 7));
    }
}
