package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.jpa.JpaStorage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Issue 17 target: a rep's lead list page (50 of {@code leads} leads, 10 % visible to the rep: theirs, plus a few
 * shared with them) through {@code crm.leads().search} on PostgreSQL, with the visibility pushed down to SQL, within
 * 1.5× of the same page read by an ADMIN (no visibility filter). Both read a page of 50 and its total, as a list
 * screen does; {@code page} picks the first page or one deep in the rep's list.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * LeadListVisibilityPgBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LeadListVisibilityPgBenchmark {
    private static final int REPS = 10;

    @Param("100000")
    int leads;

    @Param({"0", "100"})
    int page;

    private PgSchema db;
    private JpaStorage storage;
    private Crm rep;
    private Crm admin;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = PgSchema.create();
        storage = JpaStorage.create(db.pool());
        TenantId tenant = TenantId.of("visibility");
        admin = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("admin"),
                Set.of(Actor.ADMIN, Actor.MANAGER))).build();
        admin.teams().create("Sales", UserId.of("boss"), Set.of(UserId.of("rep-0"), UserId.of("rep-1")));
        Instant now = Instant.now();
        List<Lead> batch = new ArrayList<>(1000);
        List<LeadId> sharable = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            UserId owner = UserId.of("rep-" + (i % REPS));
            LeadId id = LeadId.of(UUID.randomUUID());
            batch.add(new Lead(id, 0, new Identity("Pat", "Lead" + i, null, null, null),
                    new Reach(EmailAddress.of("lead" + i + "@example.com"), null, null, null),
                    Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW, null, 0, false, owner, null, null, null,
                    null, now.plusMillis(i), now.plusMillis(i), null));
            if (i % REPS == 1 && sharable.size() < 200) {
                sharable.add(id);
            }
            if (batch.size() == 1000) {
                List<Lead> write = List.copyOf(batch);
                storage.write(tenant, tx -> tx.leads().saveAll(write));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            List<Lead> write = List.copyOf(batch);
            storage.write(tenant, tx -> tx.leads().saveAll(write));
        }
        for (LeadId id : sharable) {
            admin.sharing().share(id, UserId.of("rep-0"));
        }
        db.execute("ANALYZE");
        rep = admin.as(new Actor(tenant, UserId.of("rep-0"), Set.of()));
    }

    @Benchmark
    public Page<Lead> repPageWithVisibility() {
        return rep.leads().search(LeadQuery.all(), new PageRequest(page, 50));
    }

    @Benchmark
    public Page<Lead> adminPageWithoutVisibility() {
        return admin.leads().search(LeadQuery.all(), new PageRequest(page, 50));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }
}
