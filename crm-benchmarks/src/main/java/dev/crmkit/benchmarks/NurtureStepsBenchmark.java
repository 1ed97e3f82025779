package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.email.EmailSender;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.QuietHours;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.jpa.JpaStorage;
import java.sql.SQLException;
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
 * Issue 12 target: {@code crm.automation().runDue()} runs at least 1,000 due nurture steps per second on PostgreSQL
 * with a sender that does nothing. Each iteration starts with {@code enrollments} active enrollments due at their first
 * step (an email step, then a wait), for as many consenting leads; one operation is one {@code runDue()} that runs
 * them all: per enrollment, its claim, the lead and consent checks, the rendered email stored and sent (with its
 * touchpoint) and the move to the wait. Steps per second = {@code enrollments / score}. The enrollments are reset by
 * hand between iterations (and the sent emails moved a week back, so the weekly cap never holds one back).
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * NurtureStepsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class NurtureStepsBenchmark {
    @Param("2000")
    int enrollments;

    private PgSchema db;
    private JpaStorage storage;
    private Crm crm;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        EmailSender noOp = message -> {
        };
        crm = Crm.builder().storage(storage).with(noOp).with(EmailSettings.of("hello@shop.example",
                "a-signing-key-of-the-host-0123456789", "https://shop.example/email")
                // Otherwise runs in the evening (UTC) would hold every email instead of sending it.
                .quietHours(QuietHours.NONE)).build();
        EmailTemplateId welcome = crm.email().createTemplate(NewEmailTemplate.marketing("Welcome",
                "Welcome, {{firstName}}", "<p>Hi {{firstName}}</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        SequenceId sequence = crm.sequences().create("""
                {"name": "welcome", "steps": [
                  {"id": "welcome", "type": "email", "template": "%s", "next": "wait"},
                  {"id": "wait", "type": "wait", "duration": "P7D", "next": "end"},
                  {"id": "end", "type": "end"}]}""".formatted(welcome));
        for (int i = 0; i < enrollments; i++) {
            String email = "lead" + i + "@example.com";
            crm.email().grantConsent(email, LawfulBasis.CONSENT, "benchmark");
            LeadId lead = crm.leads().capture(NewLead.of("Lead", "No" + i, email));
            crm.sequences().enroll(sequence, lead);
        }
        crm.events().dispatchDue();
    }

    @Setup(Level.Iteration)
    public void reset() throws SQLException {
        db.execute("UPDATE crm_nurture_enrollment SET status = 'ACTIVE', step = 'welcome', path = '[]', sent = '{}',"
                + " due_at = now() - interval '1 hour'");
        // Earlier iterations' emails stay, as a host's history does, but a week old, so the weekly cap holds none back.
        // Deleting them left a table that ANALYZE calls empty: PostgreSQL's generic plan for the page's weekly counts
        // then matched the tenant only and filtered every row, slower per page as the run refilled it.
        db.execute("UPDATE crm_email_sent SET sent_at = now() - interval '8 days', created_at = now() - interval"
                + " '8 days'");
        // As autovacuum would have after the setup's inserts: without statistics the planner reads the freshly
        // filled tables whole for every page of steps, and the run grows with the square of the enrollments.
        for (String table : new String[] {"crm_nurture_enrollment", "crm_nurture_step", "crm_email_sent",
                "crm_email_recipient", "crm_lead", "crm_touchpoint"}) {
            db.execute("VACUUM ANALYZE " + table);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }

    /** Runs every due step; fails unless it moved exactly {@code enrollments}. */
    @Benchmark
    public int runAllDue() {
        int moved = crm.automation().runDue();
        if (moved != enrollments) {
            throw new IllegalStateException("moved " + moved + " of " + enrollments);
        }
        return moved;
    }
}
