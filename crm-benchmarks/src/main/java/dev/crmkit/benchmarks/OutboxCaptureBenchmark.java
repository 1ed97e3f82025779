package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.jpa.JpaStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Issue 11 target: capturing a lead through the public API ({@code crm.leads().capture}) on {@link JpaStorage} over
 * pooled PostgreSQL connections costs at most 1.2× with the outbox on. "Outbox on" is a CRM with one durable
 * subscriber of lead events (it does nothing with them), so each capture also inserts its {@code LeadCaptured} row
 * into {@code crm_outbox} in the same transaction; "current" is a CRM over the same storage without durable
 * subscribers, which stores no event. Each capture is a new lead matching nobody (duplicate detection still runs).
 *
 * <p>On this shared machine read the ratio off {@link #interleaved}: each invocation captures one lead each way
 * (alternating which goes first) and, as the kernel, inserts one outbox row by hand with JDBC inside a transaction
 * of its own, timing only the INSERT; {@link Sides} holds the mean microseconds of each and
 * {@code ratio = outboxUs / currentUs}. {@code -p dispatcher=true} runs the built-in dispatcher of the outbox CRM
 * during the measurement (woken after every capture that stored a row), the deployment case; rows then get
 * delivered while the next captures run.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * OutboxCaptureBenchmark.interleaved -p dispatcher=false,true}.
 *
 * <p>Results and what the time is spent on: {@code docs/design-notes.md}, "Outbox speed (issue 11)".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class OutboxCaptureBenchmark {
    static final String SUBSCRIBER = "bench-noop";

    /** Whether the outbox CRM runs its built-in dispatcher while captures are measured. */
    @Param("false")
    boolean dispatcher;

    private final AtomicLong next = new AtomicLong();
    private PgSchema db;
    private JpaStorage storage;
    private Crm current;
    private Crm outbox;
    private AutoCloseable dispatching;
    private OutboxRows.Row row;
    private boolean outboxFirst;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        current = Crm.builder().storage(storage).build();
        outbox = Crm.builder().storage(storage).build();
        outbox.events().register(OutboxRows.noOpLeadSubscriber(SUBSCRIBER));
        outbox();
        row = OutboxRows.stored(db.pool()).get(0);
        if (dispatcher) {
            dispatching = outbox.events().startDispatcher(Duration.ofSeconds(1));
        }
    }

    /** Statistics as autovacuum would keep them: the tables grow by thousands of rows per iteration. */
    @Setup(Level.Iteration)
    public void analyze() throws SQLException {
        db.execute("ANALYZE crm_lead");
        db.execute("ANALYZE crm_outbox");
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (dispatching != null) {
            dispatching.close();
        }
        try (Connection c = db.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, count(*) FROM crm_outbox GROUP BY status ORDER BY 1")) {
            StringBuilder counts = new StringBuilder("outbox rows:");
            while (rs.next()) {
                counts.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
            }
            System.out.println(counts);
        }
        storage.close();
        db.close();
    }

    private NewLead nextLead() {
        long i = next.incrementAndGet();
        return NewLead.of("New", "Unique" + i, "new" + i + "@fresh.example");
    }

    /** The current path: no durable subscriber, no outbox row. */
    @Benchmark
    public LeadId current() {
        return current.leads().capture(nextLead());
    }

    /** Outbox on: the capture also stores its event for the durable subscriber. */
    @Benchmark
    public LeadId outbox() {
        return outbox.leads().capture(nextLead());
    }

    /** The kernel on its own: one transaction inserting one outbox row as the adapter does. */
    @Benchmark
    public int rawOutboxInsert() throws SQLException {
        try (Connection c = db.pool().getConnection()) {
            c.setAutoCommit(false);
            int n = insertRow(c);
            c.commit();
            return n;
        }
    }

    private int insertRow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OutboxRows.INSERT)) {
            OutboxRows.bind(s, row, UUID.randomUUID().toString());
            s.addBatch();
            return s.executeBatch().length;
        }
    }

    /**
     * Mean microseconds per invocation of each side of {@link #interleaved} in this iteration. JMH's summary adds
     * such counters up over the iterations: read the "avg" of the "(min, avg, max)" line, or the iterations of
     * {@code -rf json}.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Sides {
        public double currentUs;
        public double outboxUs;
        /** The INSERT of one outbox row (prepare, bind, execute) in an open transaction, commit not included. */
        public double rawInsertUs;
        public double ratio;
        private long n;
        private long currentNanos;
        private long outboxNanos;
        private long rawInsertNanos;

        @Setup(Level.Iteration)
        public void reset() {
            n = 0;
            currentNanos = 0;
            outboxNanos = 0;
            rawInsertNanos = 0;
        }

        void add(long current, long outbox, long rawInsert) {
            n++;
            currentNanos += current;
            outboxNanos += outbox;
            rawInsertNanos += rawInsert;
            currentUs = currentNanos / 1e3 / n;
            outboxUs = outboxNanos / 1e3 / n;
            rawInsertUs = rawInsertNanos / 1e3 / n;
            ratio = (double) outboxNanos / currentNanos;
        }
    }

    /** One capture each way (alternating which goes first), then the kernel; see {@link Sides}. */
    @Benchmark
    public int interleaved(Sides sides) throws SQLException {
        long currentNanos;
        long outboxNanos;
        outboxFirst = !outboxFirst;
        if (outboxFirst) {
            long t0 = System.nanoTime();
            outbox();
            long t1 = System.nanoTime();
            current();
            currentNanos = System.nanoTime() - t1;
            outboxNanos = t1 - t0;
        } else {
            long t0 = System.nanoTime();
            current();
            long t1 = System.nanoTime();
            outbox();
            outboxNanos = System.nanoTime() - t1;
            currentNanos = t1 - t0;
        }
        long rawNanos;
        try (Connection c = db.pool().getConnection()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            insertRow(c);
            rawNanos = System.nanoTime() - t0;
            c.commit();
        }
        sides.add(currentNanos, outboxNanos, rawNanos);
        return 3;
    }
}
