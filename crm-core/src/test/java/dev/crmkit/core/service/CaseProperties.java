package dev.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CaseProperties {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static Map<CasePriority, ServiceLevel> levels() {
        Map<CasePriority, ServiceLevel> m = new EnumMap<>(CasePriority.class);
        for (CasePriority p : CasePriority.values()) {
            m.put(p, ServiceLevel.of(Duration.ofHours(4L - p.ordinal()), Duration.ofHours(24L - 4 * p.ordinal())));
        }
        return m;
    }

    /** A CRM on {@code storage} for one tenant: two of these on one storage are two nodes on one database. */
    private static Crm node(Storage storage, MutableClock clock) {
        return Crm.builder().storage(storage).clock(clock).actor(new Actor(TenantId.of("t"),
                UserId.of("rep-1"), Set.of())).build();
    }

    private record Customer(AccountId account, ContactId contact) {
    }

    private static Customer customer(Crm crm) {
        AccountId account = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId contact = crm.contacts().create(ContactDetails.of(account, "Ada", "Lovelace", null));
        return new Customer(account, contact);
    }

    @Property(tries = 30)
    void trackingNumbersAreUniqueAndGaplessUnderConcurrentCreation(
            @ForAll @IntRange(min = 2, max = 6) int threads,
            @ForAll @IntRange(min = 1, max = 25) int perThread,
            @ForAll @IntRange(min = 0, max = 4) int invalidEvery) throws Exception {
        Storage storage = InMemoryStorage.create();
        MutableClock clock = new MutableClock(T0);
        Crm nodeA = node(storage, clock);
        Crm nodeB = node(storage, clock);
        Customer c = customer(nodeA);
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Crm node = t % 2 == 0 ? nodeA : nodeB;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 1; i <= perThread; i++) {
                        if (invalidEvery > 0 && i % invalidEvery == 0) {
                            // A failed opening must not use up a number.
                            assertThatThrownBy(() -> node.cases().open(NewCase.from(c.contact(), null, "x")))
                                    .isInstanceOf(ValidationException.class);
                        } else {
                            numbers.add(node.cases().open(NewCase.from(c.contact(), Channel.PHONE, "s"))
                                    .trackingNumber());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = LongStream.rangeClosed(1, numbers.size())
                .mapToObj(n -> String.format("CS-2026-%06d", n)).toList();
        assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(nodeB.cases().ofContact(c.contact())).hasSize(numbers.size());
    }

    @Property(tries = 100)
    void serviceLevelTargetsAreNeverDueBeforeTheCaseWasOpened(
            @ForAll @IntRange(min = 0, max = 60 * 24 * 30) int openedMinute,
            @ForAll CasePriority priority, @ForAll boolean businessHours) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = node(InMemoryStorage.create(), clock);
        Customer c = customer(crm);
        ContractTerms terms = ContractTerms.of(c.account(), "Gold", LocalDate.of(2026, 1, 1), null, levels());
        crm.serviceContracts().create(businessHours
                ? terms.during(BusinessHours.weekdays(ZoneOffset.UTC, LocalTime.of(8, 0), LocalTime.of(16, 0)))
                : terms);
        clock.advance(Duration.ofMinutes(openedMinute));

        Case opened = crm.cases().open(NewCase.from(c.contact(), Channel.PHONE, "s").withPriority(priority));

        assertThat(opened.withoutContract()).isFalse();
        assertThat(opened.targets().firstResponseDue()).isAfter(opened.createdAt());
        assertThat(opened.targets().resolutionDue()).isAfterOrEqualTo(opened.targets().firstResponseDue());
        if (!businessHours) {
            assertThat(opened.targets().resolutionDue())
                    .isEqualTo(opened.createdAt().plus(levels().get(priority).resolution()));
        }
    }

    enum Step { START, WAIT, RESOLVE, CLOSE, REOPEN, COMMENT, DAYS_PASS }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(30);
    }

    @Property(tries = 200)
    void theStatusMachineNeverReachesAnIllegalState(@ForAll("steps") List<Step> steps) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = node(InMemoryStorage.create(), clock);
        Case c = crm.cases().open(NewCase.from(customer(crm).contact(), Channel.PHONE, "s"));
        Duration window = ServiceSettings.defaults().reopenWindow();
        for (Step step : steps) {
            Case before = crm.cases().get(c.id());
            CaseStatus target = switch (step) {
                case START, REOPEN -> CaseStatus.IN_PROGRESS;
                case WAIT -> CaseStatus.WAITING_ON_CUSTOMER;
                case RESOLVE -> CaseStatus.RESOLVED;
                case CLOSE -> CaseStatus.CLOSED;
                case COMMENT, DAYS_PASS -> null;
            };
            if (step == Step.DAYS_PASS) {
                clock.advance(Duration.ofDays(5));
                continue;
            }
            if (target == null) {
                crm.cases().comment(c.id(), "note", false);
                continue;
            }
            boolean reopening = !before.status().isOpen() && target == CaseStatus.IN_PROGRESS;
            boolean allowed = before.status().canMoveTo(target)
                    && !(reopening && clock.instant().isAfter(before.closure().resolvedAt().plus(window)));
            try {
                Case after = switch (step) {
                    case RESOLVE -> crm.cases().resolve(c.id(), "r");
                    case CLOSE -> crm.cases().close(c.id());
                    case REOPEN -> crm.cases().reopen(c.id(), "again");
                    default -> crm.cases().moveTo(c.id(), target, null);
                };
                assertThat(allowed).as("%s -> %s succeeded", before.status(), target).isTrue();
                assertThat(after.status()).isEqualTo(target);
            } catch (IllegalTransitionException e) {
                assertThat(allowed).as("%s -> %s refused", before.status(), target).isFalse();
                assertThat(crm.cases().get(c.id())).isEqualTo(before);
            }
            Case now = crm.cases().get(c.id());
            assertThat(now.closure().resolvedAt() != null).isEqualTo(!now.status().isOpen());
            assertThat(now.closure().closedAt() != null).isEqualTo(now.status() == CaseStatus.CLOSED);
            assertThat(now.targets().firstRespondedAt() != null || now.status() == CaseStatus.NEW).isTrue();
        }
    }

    @Property(tries = 100)
    void escalationIsIdempotent(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 30) Integer> hoursBetweenRuns,
                                @ForAll @Size(min = 1, max = 5) List<CasePriority> priorities) {
        MutableClock clock = new MutableClock(T0);
        Crm crm = node(InMemoryStorage.create(), clock);
        Customer c = customer(crm);
        crm.serviceContracts().create(ContractTerms.of(c.account(), "Gold", LocalDate.of(2026, 1, 1), null,
                levels()));
        List<Case> opened = priorities.stream().map(p -> crm.cases().open(NewCase.from(c.contact(), Channel.PHONE,
                "s").withPriority(p))).toList();
        List<ServiceEvent.CaseEscalated> all = new ArrayList<>();
        for (int hours : hoursBetweenRuns) {
            clock.advance(Duration.ofHours(hours));
            all.addAll(crm.cases().escalateOverdue());
            assertThat(crm.cases().escalateOverdue()).as("a second run right after").isEmpty();
        }
        Instant now = clock.instant();
        for (Case o : opened) {
            Case c2 = crm.cases().get(o.id());
            Set<EscalationKind> expected = Set.of(EscalationKind.values()).stream()
                    .filter(k -> now.isAfter(k == EscalationKind.FIRST_RESPONSE ? o.targets().firstResponseDue()
                            : o.targets().resolutionDue()))
                    .collect(Collectors.toSet());
            if (hoursBetweenRuns.isEmpty()) {
                expected = Set.of();
            }
            assertThat(c2.escalations()).isEqualTo(expected);
            assertThat(all.stream().filter(e -> e.serviceCase().id().equals(o.id())).map(e -> e.missed()))
                    .containsExactlyInAnyOrderElementsOf(expected);
            CasePriority p = o.triage().priority();
            for (int i = 0; i < expected.size(); i++) {
                p = p.raised();
            }
            assertThat(c2.triage().priority()).isEqualTo(p);
        }
    }

    @Property(tries = 20)
    void concurrentEscalationRunsOnTwoNodesEscalateEachMissedTargetOnce(
            @ForAll @IntRange(min = 1, max = 20) int cases, @ForAll @IntRange(min = 2, max = 6) int threads)
            throws Exception {
        Storage storage = InMemoryStorage.create();
        MutableClock clock = new MutableClock(T0);
        Crm nodeA = node(storage, clock);
        Crm nodeB = node(storage, clock);
        Customer c = customer(nodeA);
        nodeA.serviceContracts().create(ContractTerms.of(c.account(), "Gold", LocalDate.of(2026, 1, 1), null,
                levels()));
        for (int i = 0; i < cases; i++) {
            nodeA.cases().open(NewCase.from(c.contact(), Channel.PHONE, "s"));
        }
        clock.advance(Duration.ofDays(2)); // both targets of every case missed
        List<ServiceEvent.CaseEscalated> all = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Crm node = t % 2 == 0 ? nodeA : nodeB;
                futures.add(pool.submit(() -> {
                    go.await();
                    all.addAll(node.cases().escalateOverdue());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(2 * cases);
        assertThat(all.stream().map(e -> e.serviceCase().id() + "/" + e.missed()).distinct()).hasSize(2 * cases);
        assertThat(nodeB.cases().ofContact(c.contact())).allSatisfy(x -> {
            assertThat(x.escalations()).containsExactlyInAnyOrder(EscalationKind.values());
            assertThat(x.triage().priority()).isEqualTo(CasePriority.URGENT); // MEDIUM raised twice
        });
    }
}
