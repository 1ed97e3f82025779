package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.jpa.JpaStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Issue 12 target: {@code crm.automation().runDue()} on PostgreSQL takes at least 1,000 due steps per second. Each
 * iteration starts with {@code runs} delayed runs of one rule ({@code "after"}, on {@code LeadCaptured}) due, spread
 * over 100 leads; one operation is one {@code runDue()} that runs them all, each in its own transaction (take the due row, log
 * the run, the action, record what it did). Runs per second = {@code runs / score}. The due rows are copies, each with an
 * origin of its own, of the runs the library scheduled for 100 leads captured through the API (capturing and
 * dispatching 10,000 would make the setup take minutes); they are put back, with fresh ids and origins, before each
 * iteration, and what the actions wrote is emptied, so every iteration does the same work. The run log keeps the
 * earlier iterations' runs (the warm-up fills it), as a live one does.
 *
 * <p>{@code action}: {@code createTask} (a task for a user per run) or {@code alert} (an {@code AlertRaised} per run,
 * into the outbox for the alert subscriber). {@link #kernel} is the floor under one run: a transaction that deletes
 * one due row and inserts one run-log row over the same pool, by hand; runs per second = {@code runs / score}.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * AutomationRunDueBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class AutomationRunDueBenchmark {
    @Param("10000")
    int runs;

    @Param({"createTask", "alert"})
    String action;

    /** Leads captured through the API; the due runs are spread over them. */
    private static final int LEADS = 100;

    private PgSchema db;
    private JpaStorage storage;
    private Crm crm;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        crm = Crm.builder().storage(storage).build();
        crm.automation().create("""
                {"name": "follow up", "event": "LeadCaptured", "after": "PT1M",
                 "actions": [%s]}""".formatted(action.equals("alert")
                ? "{\"type\": \"alert\", \"message\": \"follow up\"}"
                : "{\"type\": \"createTask\", \"title\": \"Follow up\", \"assignee\": {\"user\": \"rep-1\"}}"));
        for (int i = 0; i < LEADS; i++) {
            crm.leads().capture(NewLead.of("Ada" + i, "Lovelace" + i, "ada" + i + "@example.com"));
        }
        crm.events().dispatchDue();
        // Copies of the runs the library scheduled, kept aside and due an hour ago: runDue finds them due on the
        // system clock. Each iteration gives each copy an origin of its own (a run is once per origin, rule, record).
        db.execute("CREATE TABLE bench_due AS SELECT d.tenant_id, d.id, d.rule_id, d.origin_event_id, d.event_id,"
                + " d.event_type, d.record_type, d.record_id, d.depth, d.due_at - interval '1 hour' AS due_at"
                + " FROM crm_automation_due d, generate_series(1, " + runs / LEADS + ")");
        db.execute("CREATE TABLE bench_run (LIKE crm_automation_run INCLUDING ALL)");
    }

    @Setup(Level.Iteration)
    public void fill() throws SQLException {
        // The run log keeps the earlier iterations' runs, as a live one keeps history: emptied and analyzed, it
        // would be planned as a tiny table and scanned whole by each lookup while it grows. Fresh ids and origins
        // make this iteration's runs new ones.
        db.execute("TRUNCATE crm_automation_due, crm_automation_chain, crm_task, crm_outbox, bench_run");
        db.execute("INSERT INTO crm_automation_due (tenant_id, id, rule_id, origin_event_id, event_id, event_type,"
                + " record_type, record_id, depth, due_at) SELECT tenant_id, gen_random_uuid(), rule_id,"
                + " gen_random_uuid(), event_id, event_type, record_type, record_id, depth, due_at FROM bench_due");
        db.execute("ANALYZE crm_automation_due");
        db.execute("ANALYZE crm_automation_run");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /** Runs every due run; fails unless it took exactly {@code runs}. */
    @Benchmark
    public int runDue() {
        int taken = crm.automation().runDue();
        if (taken != runs) {
            throw new IllegalStateException("took " + taken + " of " + runs);
        }
        return taken;
    }

    /** The kernel: per due run, one transaction of DELETE (the due row) and INSERT (a run-log row), by hand. */
    @Benchmark
    public int kernel() throws SQLException {
        int taken = 0;
        try (Connection c = db.pool().getConnection();
             PreparedStatement ids = c.prepareStatement("SELECT id FROM crm_automation_due ORDER BY due_at, id");
             PreparedStatement delete = c.prepareStatement("DELETE FROM crm_automation_due WHERE tenant_id = ?"
                     + " AND id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO bench_run (tenant_id, id, rule_id,"
                     + " rule_version, rule_name, origin_event_id, event_id, event_type, record_type, record_id, depth,"
                     + " outcome, actions, ran_at) VALUES (?, ?, ?, 0, 'follow up', ?, ?, 'LeadCaptured', 'Lead', ?, 0,"
                     + " 'DONE', '[]', ?)")) {
            List<UUID> due = new ArrayList<>();
            try (ResultSet rs = ids.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getObject(1, UUID.class));
                }
            }
            c.setAutoCommit(false);
            UUID rule = UUID.randomUUID();
            for (UUID id : due) {
                delete.setString(1, TenantId.DEFAULT.value());
                delete.setObject(2, id);
                taken += delete.executeUpdate();
                insert.setString(1, TenantId.DEFAULT.value());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, rule);
                insert.setObject(4, id);
                insert.setObject(5, id);
                insert.setString(6, id.toString());
                insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                c.commit();
            }
            c.setAutoCommit(true);
        }
        if (taken != runs) {
            throw new IllegalStateException("took " + taken + " of " + runs);
        }
        return taken;
    }
}
