package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.jpa.JpaStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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
 * Issue 11 target: {@code crm.events().dispatchDue()} delivers at least 5,000 events per second from the outbox on
 * PostgreSQL to a subscriber that does nothing with them. Each iteration starts with {@code events} pending
 * {@code LeadCaptured} rows in {@code crm_outbox}, one per lead (per-record order lets only the earliest pending
 * row of a record be claimed, so distinct leads keep the batches full), plus {@code history} rows delivered
 * earlier; one operation is one {@code dispatchDue()} that delivers them all. Events per second =
 * {@code events / score}. The rows are copies, with fresh event ids and lead ids, of rows the library stored for
 * real captures, inserted by hand in batches and analyzed before the iteration.
 *
 * <p>{@code readJson=true} makes the subscriber read each event back ({@link EventEnvelope#event()}), as a typed
 * subscriber ({@link EventSubscriber#of}) does.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * OutboxDispatchBenchmark}.
 *
 * <p>Results and what the time is spent on: {@code docs/design-notes.md}, "Outbox speed (issue 11)".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 4)
@Measurement(iterations = 8)
public class OutboxDispatchBenchmark {
    @Param("20000")
    int events;

    /** Delivered rows already in the table (not yet purged). */
    @Param("0")
    int history;

    /** {@link DeliveryPolicy#batchSize()}. */
    @Param("200")
    int batchSize;

    @Param("false")
    boolean readJson;

    private PgSchema db;
    private JpaStorage storage;
    private Crm crm;
    private List<OutboxRows.Row> templates;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        DeliveryPolicy defaults = DeliveryPolicy.defaults();
        crm = Crm.builder().storage(storage).with(new DeliveryPolicy(defaults.maxAttempts(),
                defaults.firstBackoff(), defaults.maxBackoff(), defaults.lease(), batchSize)).build();
        crm.events().register(subscriber());
        for (int i = 0; i < 100; i++) {
            crm.leads().capture(NewLead.of("Ada" + i, "Lovelace" + i, "ada" + i + "@example.com")
                    .company("Analytical Engines " + i).phone("+44207946" + (1000 + i)));
        }
        templates = OutboxRows.stored(db.pool());
        System.out.printf("payload: %.0f characters on average%n",
                templates.stream().mapToInt(r -> r.payload().length()).average().orElse(0));
    }

    private EventSubscriber subscriber() {
        return readJson ? EventSubscriber.of("bench-typed", LeadEvent.class, e -> {
        }) : OutboxRows.noOpLeadSubscriber("bench-noop");
    }

    @Setup(Level.Iteration)
    public void fill() throws SQLException {
        db.execute("TRUNCATE crm_outbox");
        insert(history);
        if (history > 0) {
            db.execute("UPDATE crm_outbox SET status = 'DELIVERED', due_at = now() - interval '1 hour'");
            db.execute("VACUUM crm_outbox");
        }
        insert(events);
        db.execute("ANALYZE crm_outbox");
    }

    private void insert(int rows) throws SQLException {
        try (Connection c = db.pool().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(OutboxRows.INSERT)) {
                for (int i = 0; i < rows; i++) {
                    OutboxRows.bind(s, templates.get(i % templates.size()), UUID.randomUUID().toString());
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /** Delivers every pending row; fails unless it delivered exactly {@code events}. */
    @Benchmark
    public int dispatchAll() {
        int delivered = crm.events().dispatchDue();
        if (delivered != events) {
            throw new IllegalStateException("delivered " + delivered + " of " + events);
        }
        return delivered;
    }
}
