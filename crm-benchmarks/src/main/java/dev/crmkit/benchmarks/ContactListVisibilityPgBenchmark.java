package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.customer.LifecycleStage;
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
 * Issue 17, second kind: a rep's contact list page (50 of {@code contacts} contacts in accounts of ten each, 10 %
 * under accounts the rep owns, plus those of 20 accounts whose account team they are on and 200 shared with them)
 * through {@code crm.contacts().search} on PostgreSQL, the visibility pushed down to SQL (own, shared, of an account
 * seen: its owner, its team, its shares), against the same page read by an ADMIN (no filter). Both read a page of 50
 * and its total, as a list screen does.
 *
 * <p>Needs PostgreSQL, see {@link PgSchema}. Run: {@code java -jar crm-benchmarks/target/benchmarks.jar
 * ContactListVisibilityPgBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContactListVisibilityPgBenchmark {
    private static final int REPS = 10;
    private static final int PER_ACCOUNT = 10;

    @Param("100000")
    int contacts;

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
        List<Account> accounts = new ArrayList<>(1000);
        List<Contact> batch = new ArrayList<>(1000);
        List<AccountId> teamed = new ArrayList<>();
        List<ContactId> sharable = new ArrayList<>();
        AccountId account = null;
        UserId owner = null;
        for (int i = 0; i < contacts; i++) {
            if (i % PER_ACCOUNT == 0) {
                int a = i / PER_ACCOUNT;
                owner = UserId.of("rep-" + (a % REPS));
                account = AccountId.of(UUID.randomUUID());
                String name = "Account " + a;
                accounts.add(new Account(account, 0, name, null, null, null, null, owner, LifecycleStage.PROSPECT,
                        Set.of(), MatchKeys.company(name), now.plusMillis(i), now.plusMillis(i)));
                if (a % REPS == 2 && teamed.size() < 20) {
                    teamed.add(account);
                }
            }
            ContactId id = ContactId.of(UUID.randomUUID());
            batch.add(new Contact(id, 0, account, new ContactName("Pat", "Contact" + i, null),
                    new ContactPoints(null, null, null), new Demographics(null, null, null), Set.of(), false,
                    LifecycleStage.PROSPECT, owner, Consent.NONE, null, Set.of(), now.plusMillis(i),
                    now.plusMillis(i)));
            if ((i / PER_ACCOUNT) % REPS == 1 && sharable.size() < 200) {
                sharable.add(id);
            }
            if (batch.size() == 1000) {
                List<Account> writeAccounts = List.copyOf(accounts);
                List<Contact> write = List.copyOf(batch);
                storage.write(tenant, tx -> {
                    tx.accounts().saveAll(writeAccounts);
                    return tx.contacts().saveAll(write);
                });
                accounts.clear();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            List<Account> writeAccounts = List.copyOf(accounts);
            List<Contact> write = List.copyOf(batch);
            storage.write(tenant, tx -> {
                tx.accounts().saveAll(writeAccounts);
                return tx.contacts().saveAll(write);
            });
        }
        for (AccountId id : teamed) {
            admin.accountTeams().addMember(id, UserId.of("rep-0"), "support");
        }
        for (ContactId id : sharable) {
            admin.sharing().share(id, UserId.of("rep-0"));
        }
        db.execute("ANALYZE");
        rep = admin.as(new Actor(tenant, UserId.of("rep-0"), Set.of()));
    }

    @Benchmark
    public Page<Contact> repPageWithVisibility() {
        return rep.contacts().search(ContactQuery.all(), new PageRequest(page, 50));
    }

    @Benchmark
    public Page<Contact> adminPageWithoutVisibility() {
        return admin.contacts().search(ContactQuery.all(), new PageRequest(page, 50));
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        storage.close();
        db.close();
    }
}
