package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportSettings;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.jpa.JpaStorage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
 * Issue 13 target: a {@code rows}-row CSV of leads with 5 % duplicates imported through
 * {@code crm.imports().run} on PostgreSQL at 5,000 rows/s or more: rows/s = {@code rows / score}. One operation is
 * one whole import into a tenant of its own (so each starts with no leads of its own; the tables keep growing across
 * iterations, as in a real database). Every 20th row repeats an earlier person with another title and phone format,
 * which the import must recognise as a stored lead and skip. Everything a host's import does is measured: reading
 * and parsing the file, checking each row, duplicate matching against the stored leads and contacts, the lead and
 * its match keys stored, its event written to the outbox.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * CsvImportPgBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CsvImportPgBenchmark {
    @Param("100000")
    int rows;

    /** Rows per transaction ({@code ImportSettings.batchRows}). */
    @Param("500")
    int batchRows;

    private PgSchema db;
    private JpaStorage storage;
    private byte[] file;
    private Crm crm;
    private ImportResult last;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        file = csv(rows).getBytes(StandardCharsets.UTF_8);
    }

    @Setup(Level.Iteration)
    public void freshTenant() {
        crm = Crm.builder().storage(storage).with(new ImportSettings(64L << 20, 1_000_000, batchRows))
                .actor(Actor.of("bench-" + UUID.randomUUID().toString().substring(0, 8), "importer")).build();
    }

    /**
     * The storage's own floor for the same people: each lead built directly (no file, no checks, no matching, no
     * events) and saved with its match keys through {@code saveAll} in batches of 500, one transaction each.
     */
    @Benchmark
    public int storeOnly() {
        TenantId tenant = TenantId.of("floor-" + UUID.randomUUID().toString().substring(0, 8));
        Instant now = Instant.now();
        int stored = 0;
        List<Lead> batch = new ArrayList<>(500);
        for (int i = 0; i < rows - rows / 20; i++) {
            NewLead p = MatchingCaptureBenchmark.person(i);
            batch.add(new Lead(LeadId.of(UUID.randomUUID()), 0,
                    new Identity(p.firstName(), p.lastName(), null, "Buyer", p.birthDate()),
                    new Reach(EmailAddress.of(p.firstName() + "." + p.lastName() + i + "@example.com"),
                            new PhoneNumber("+61" + (200_000_000L + i)), null, p.address()),
                    Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW, null, 0, false, UserId.of("importer"), null,
                    null, null, null, now, now, null));
            if (batch.size() == 500 || i == rows - rows / 20 - 1) {
                List<Lead> write = List.copyOf(batch);
                stored += storage.write(tenant, tx -> tx.leads().saveAll(write)).size();
                batch.clear();
            }
        }
        return stored;
    }

    @Benchmark
    public ImportResult importCsv() {
        last = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), new ByteArrayInputStream(file));
        return last;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (last == null) {
            return; // storeOnly
        }
        long expectedDuplicates = rows / 20;
        if (last.created() != rows - expectedDuplicates || last.failed() != 0) {
            throw new IllegalStateException("created " + last.created() + ", skipped " + last.skipped()
                    + ", failed " + last.failed() + "; expected " + (rows - expectedDuplicates) + " created");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /**
     * People as {@link MatchingCaptureBenchmark#person} makes them (pronounceable names from pools, Australian
     * addresses, birth dates), with an email and a phone each; every 20th row an earlier person again, with another
     * title and the phone without its country code.
     */
    static String csv(int rows) {
        Random random = new Random(13);
        List<String> lines = new ArrayList<>(rows);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (i % 20 == 19) {
                int j = random.nextInt(people.size());
                lines.add(row(j, "Head of purchasing", "0" + (200_000_000L + j)));
                continue;
            }
            people.add(String.valueOf(i));
            lines.add(row(people.size() - 1, "Buyer", "+61 " + (200_000_000L + people.size() - 1)));
        }
        return "First name,Last name,Email,Phone,Title,Street,City,Postal code,Country,Birth date\n"
                + String.join("\n", lines) + "\n";
    }

    private static String row(int person, String title, String phone) {
        NewLead p = MatchingCaptureBenchmark.person(person);
        Address a = p.address();
        return String.join(",", p.firstName(), p.lastName(), p.firstName() + "." + p.lastName() + person
                + "@example.com", phone, title, a.street(), a.city(), a.postalCode(), a.country(),
                p.birthDate().toString());
    }
}
