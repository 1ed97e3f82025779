package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.jpa.JpaStorage;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Random;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@link MatchingCaptureBenchmark}'s captures on PostgreSQL through {@code JpaStorage}: the same synthetic people,
 * stored beforehand by {@code COPY} (the lead rows and their blocking-key rows, as the lead repository writes them),
 * then captured one by one through {@code leads().capture}. Sample time gives the mean and the p99.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * MatchingCapturePgBenchmark -p storedLeads=1000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class MatchingCapturePgBenchmark {
    private static final int COPY_BATCH = 50_000;

    @Param({"100000", "1000000"})
    public int storedLeads;

    private PgSchema db;
    private JpaStorage storage;
    private Crm crm;
    private final Random random = new Random(19);
    private long next;

    @Setup(Level.Trial)
    public void fill() throws SQLException, IOException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        crm = Crm.builder().storage(storage).build();
        Instant t = Instant.parse("2026-01-05T09:00:00Z");
        String tenant = TenantId.DEFAULT.value();
        try (Connection c = db.pool().getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < storedLeads; from += COPY_BATCH) {
                StringBuilder leads = new StringBuilder();
                StringBuilder keys = new StringBuilder();
                for (int i = from; i < Math.min(storedLeads, from + COPY_BATCH); i++) {
                    NewLead p = MatchingCaptureBenchmark.person(i);
                    LeadId id = MatchingCaptureBenchmark.storedId(i);
                    Address a = p.address();
                    Lead lead = new Lead(id, 1, new Identity(p.firstName(), p.lastName(), null, null,
                            p.birthDate()), new Reach(null, null, null, a), Origin.of(LeadSource.IMPORT), null,
                            LeadStatus.NEW, null, 0, false, null, null, null, null, null, t, t, null);
                    leads.append(tenant).append('\t').append(id.value()).append("\t1\t").append(p.firstName())
                            .append('\t').append(p.lastName()).append('\t').append(a.street()).append('\t')
                            .append(a.city()).append('\t').append(a.region()).append('\t').append(a.postalCode())
                            .append('\t').append(a.country()).append('\t').append(p.birthDate())
                            .append("\tIMPORT\tf\tf\tf\tNEW\t0\tf\t").append(t)
                            .append('\t').append(t).append('\n');
                    for (String key : BlockingKeys.of(lead)) {
                        keys.append(tenant).append('\t').append(key).append('\t').append(id.value()).append('\n');
                    }
                }
                copy.copyIn("COPY crm_lead (tenant_id, id, version, first_name, last_name, address_street,"
                        + " address_city, address_region, address_postal_code, address_country, birth_date, source,"
                        + " consent_email, consent_phone, consent_tracking, status, score, spam, created_at,"
                        + " updated_at) FROM STDIN", new StringReader(leads.toString()));
                copy.copyIn("COPY crm_lead_match_key (tenant_id, match_key, lead_id) FROM STDIN",
                        new StringReader(keys.toString()));
            }
        }
        // As after any bulk load (PostgreSQL's advice): statistics, hint bits and the visibility map set, and the
        // load's dirty pages written out. A store that grew to 1M leads has none of the load's 1.5 GB of WAL still to
        // flush; without this the checkpoint it triggers runs through the measurement on a two-core machine.
        db.execute("VACUUM ANALYZE crm_lead");
        db.execute("VACUUM ANALYZE crm_lead_match_key");
        db.execute("CHECKPOINT");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /** A stored person again, with a typo in the surname: flagged as a duplicate. */
    @Benchmark
    public LeadId captureDuplicateWithTypo() {
        NewLead p = MatchingCaptureBenchmark.person(random.nextInt(storedLeads));
        String typo = p.lastName().substring(0, 2) + "x" + p.lastName().substring(3);
        LeadId id = crm.leads().capture(new NewLead(p.firstName(), typo, null, null, null, null, p.address(),
                LeadSource.IMPORT, null, null, null, null, null, null, p.birthDate()));
        return id;
    }

    /** A person nobody stored yet. */
    @Benchmark
    public LeadId captureNewPerson() {
        return crm.leads().capture(MatchingCaptureBenchmark.person(storedLeads + 1_000_000L + next++));
    }
}
