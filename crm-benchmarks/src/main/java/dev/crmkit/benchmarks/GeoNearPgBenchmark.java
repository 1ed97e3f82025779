package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Nearby;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.jpa.JpaStorage;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Issue 13 target: contacts within 10 km of a point, over 1M contacts on PostgreSQL, in at most 20 ms, through
 * {@code crm.contacts().near} (the indexed box, then the great circle in Java, nearest first). The contacts are
 * spread over Germany (about 357,000 km², so ~90 within 10 km of a point on average) and copied in beforehand with
 * {@code COPY}; each operation asks around another random point of the same area.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * GeoNearPgBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class GeoNearPgBenchmark {
    private static final int COPY_BATCH = 50_000;
    private static final double SOUTH = 47.3;
    private static final double NORTH = 55.0;
    private static final double WEST = 5.9;
    private static final double EAST = 15.0;

    @Param("1000000")
    public int contacts;

    @Param("10")
    public double radiusKm;

    private PgSchema db;
    private JpaStorage storage;
    private Crm crm;
    private final Random random = new Random(13);

    @Setup(Level.Trial)
    public void fill() throws SQLException, IOException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        crm = Crm.builder().storage(storage).build();
        String tenant = TenantId.DEFAULT.value();
        Random places = new Random(7);
        try (Connection c = db.pool().getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < contacts; from += COPY_BATCH) {
                StringBuilder rows = new StringBuilder();
                for (int i = from; i < Math.min(contacts, from + COPY_BATCH); i++) {
                    rows.append(tenant).append('\t').append(new UUID(0x7000_0000_0000_0000L, i)).append("\t1\tC")
                            .append(i).append("\tPerson\t").append(lat(places)).append('\t').append(lon(places))
                            .append("\tf\tPROSPECT\tf\tf\tf\t2026-01-05T09:00:00Z\t2026-01-05T09:00:00Z\n");
                }
                copy.copyIn("COPY crm_contact (tenant_id, id, version, first_name, last_name, address_latitude,"
                        + " address_longitude, key_decision_maker, stage, consent_email, consent_phone,"
                        + " consent_tracking, created_at, updated_at) FROM STDIN", new StringReader(rows.toString()));
            }
        }
        db.execute("ANALYZE crm_contact");
    }

    private static double lat(Random r) {
        return SOUTH + r.nextDouble() * (NORTH - SOUTH);
    }

    private static double lon(Random r) {
        return WEST + r.nextDouble() * (EAST - WEST);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /** Up to 100 contacts within the radius of a random point, nearest first. */
    @Benchmark
    public List<Nearby<Contact>> contactsNear() {
        return crm.contacts().near(new GeoPoint(lat(random), lon(random)), radiusKm, 100);
    }
}
