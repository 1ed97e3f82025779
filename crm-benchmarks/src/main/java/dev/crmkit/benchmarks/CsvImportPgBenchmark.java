package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.jpa.JpaStorage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
        crm = Crm.builder().storage(storage)
                .actor(Actor.of("bench-" + UUID.randomUUID().toString().substring(0, 8), "importer")).build();
    }

    @Benchmark
    public ImportResult importCsv() {
        last = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), new ByteArrayInputStream(file));
        return last;
    }

    @TearDown(Level.Iteration)
    public void check() {
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

    /** People like a trade-fair list: distinct names, emails and phones; every 20th row an earlier person again. */
    static String csv(int rows) {
        Random random = new Random(13);
        String[] cities = {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Leipzig", "Dresden"};
        List<String> lines = new ArrayList<>(rows);
        List<String[]> people = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (i % 20 == 19) {
                String[] p = people.get(random.nextInt(people.size()));
                // The same person typed again: another title, the phone without its country code.
                lines.add(String.join(",", p[0], p[1], p[2], "0" + p[3].substring(3), p[4], "Head of " + p[5],
                        p[6], p[7], "DE"));
                continue;
            }
            String[] p = {"First" + i, "Last" + Integer.toString(i, 36), "person" + i + "@example" + (i % 97) + ".com",
                    "+49" + (301_000_000L + i * 7L), "Company " + (i % 5_000), "Buyer", cities[i % cities.length],
                    String.valueOf(10_000 + i % 89_999)};
            people.add(p);
            lines.add(String.join(",", p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], "DE"));
        }
        return "First name,Last name,Email,Phone,Company,Title,City,Postal code,Country\n" + String.join("\n", lines)
                + "\n";
    }
}
