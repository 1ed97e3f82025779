package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.ContractTerms;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.service.ServiceLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The contact center at 10k and 100k customers (each with a contract and an open case) in the in-memory adapter:
 * the agent's customer view, opening a case (contract lookup, tracking number), an escalation run when nothing is
 * overdue, and knowledge base search over one article per 20 customers. Lookups are index hits, so the view, the
 * opening and the escalation run must not grow with the number of customers; search grows with the articles that
 * contain a query word, not with all articles.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar ServiceDeskBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ServiceDeskBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final String[] WORDS = {"printer", "offline", "router", "reset", "engine", "jam", "card", "reader",
        "invoice", "refund", "password", "login", "cable", "power", "update", "firmware", "battery", "screen",
        "noise", "heat", "license", "export", "import", "backup", "restore", "sync", "email", "calendar"};

    @Param({"10000", "100000"})
    public int customers;

    private Crm crm;
    private ContactId[] contacts;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void fill() {
        crm = Crm.builder().storage(InMemoryStorage.create()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        Map<CasePriority, ServiceLevel> levels = new EnumMap<>(CasePriority.class);
        for (CasePriority p : CasePriority.values()) {
            levels.put(p, ServiceLevel.of(Duration.ofHours(4), Duration.ofDays(2)));
        }
        contacts = new ContactId[customers];
        for (int i = 0; i < customers; i++) {
            AccountId account = crm.accounts().create(AccountDetails.named("Company " + i));
            contacts[i] = crm.contacts().create(ContactDetails.of(account, "P" + i, "Person" + i,
                    "person" + i + "@example.com").withPhone(phone(i)));
            crm.serviceContracts().create(ContractTerms.of(account, "Gold", LocalDate.of(2026, 1, 1), null, levels));
            crm.cases().open(NewCase.from(contacts[i], Channel.PHONE, "Problem " + i));
        }
        for (int i = 0; i < customers / 20; i++) {
            String title = WORDS[i % WORDS.length] + " " + WORDS[(i / WORDS.length) % WORDS.length];
            String body = WORDS[(i * 7) % WORDS.length] + " " + WORDS[(i * 13) % WORDS.length] + " article " + i;
            crm.knowledge().publish(crm.knowledge().create(ArticleDraft.of(title, body)).id());
        }
    }

    private static String phone(long i) {
        return "+44207" + String.format("%07d", i);
    }

    @Benchmark
    public Optional<CustomerView> agentViewByPhone() {
        return crm.agentView().lookup(phone(next.incrementAndGet() % customers));
    }

    @Benchmark
    public Case openCase() {
        ContactId contact = contacts[(int) (next.incrementAndGet() % customers)];
        return crm.cases().open(NewCase.from(contact, Channel.EMAIL, "Another problem"));
    }

    /** Every case is open, none is overdue yet: the run must not read them all. */
    @Benchmark
    public List<CaseEscalated> escalateWhenNothingIsOverdue() {
        return crm.cases().escalateOverdue();
    }

    @Benchmark
    public List<ArticleMatch> searchKnowledgeBase() {
        long i = next.incrementAndGet();
        return crm.knowledge().search(WORDS[(int) (i % WORDS.length)] + " " + WORDS[(int) ((i / 3) % WORDS.length)],
                10);
    }
}
