package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.DeadLetter;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.spi.OutboxEntry;
import dev.crmkit.core.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Durable event delivery through the transactional outbox: at least once, after the commit, in commit order per
 * record, with retries, dead letters and leases that let several nodes share one database.
 */
public abstract class EventDeliveryContract extends ContractSupport {
    private static final DeliveryPolicy THREE_TRIES = new DeliveryPolicy(3, Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), 50);

    /** Another node on the same database (a second adapter instance); by default the same storage. */
    protected Storage secondNode() {
        return storage();
    }

    /** A subscriber of this test's tenant that records what it gets and fails while {@code failing} says so. */
    private class Recorder implements EventSubscriber {
        final String name;
        final List<EventEnvelope> got = new CopyOnWriteArrayList<>();
        volatile Predicate<EventEnvelope> failing = e -> false;

        Recorder(String name) {
            this.name = name + "-" + tenant.value();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean accepts(TenantId t, Class<? extends DomainEvent> type) {
            return t.equals(tenant) && LeadEvent.class.isAssignableFrom(type);
        }

        @Override
        public void deliver(EventEnvelope event) {
            if (failing.test(event)) {
                throw new IllegalStateException("mail server down");
            }
            got.add(event);
        }

        List<String> types() {
            return got.stream().map(EventEnvelope::type).toList();
        }
    }

    private Crm node(Storage storage, DeliveryPolicy policy) {
        return Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(actor)
                .with(policy).build();
    }

    private LeadId capture(Crm c, String email) {
        return c.leads().capture(NewLead.of("Ada", "Lovelace", email));
    }

    @Test
    void aDurableSubscriberGetsEachCommittedEventOnceAfterDispatch() {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        LeadId lead = capture(crm, "ada@example.com");

        assertThat(mail.got).as("nothing is delivered before dispatch").isEmpty();
        assertThat(crm.events().backlog(mail.name())).isEqualTo(1);
        crm.events().dispatchDue();
        assertThat(mail.got).hasSize(1);
        assertThat(crm.events().dispatchDue()).as("a delivered event is not delivered again").isZero();
        assertThat(mail.got).hasSize(1);

        EventEnvelope e = mail.got.get(0);
        assertThat(e.type()).isEqualTo("LeadCaptured");
        assertThat(e.tenant()).isEqualTo(tenant);
        assertThat(e.aggregateType()).isEqualTo("Lead");
        assertThat(e.aggregateId()).isEqualTo(lead.toString());
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.occurredAt()).isEqualTo(clock.instant());
        assertThat(((LeadCaptured) e.event()).lead()).isEqualTo(crm.leads().get(lead));
        assertThat(e.payload()).contains("\"email\":\"ada@example.com\"");
        assertThat(crm.events().backlog(mail.name())).isZero();
    }

    @Test
    void eventsOfAWriteThatRolledBackAreNeitherStoredNorPublished() {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        List<DomainEvent> heard = new CopyOnWriteArrayList<>();
        crm.events().subscribe(LeadCaptured.class, heard::add);

        assertThatThrownBy(() -> crm.inTransaction(() -> {
            capture(crm, "ada@example.com");
            throw new IllegalStateException("host gives up");
        })).hasMessage("host gives up");

        assertThat(heard).isEmpty();
        assertThat(crm.events().backlog(mail.name())).isZero();
        assertThat(crm.events().dispatchDue()).isZero();
        assertThat(mail.got).isEmpty();
    }

    @Test
    void aRecordsEventsArriveInCommitOrderAndEachEventIdIsNew() {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        LeadId lead = capture(crm, "ada@example.com");
        crm.leads().assign(lead, UserId.of("alice"));
        crm.leads().startWorking(lead);
        crm.leads().qualify(lead);

        crm.events().dispatchDue();

        assertThat(mail.types()).containsExactly("LeadCaptured", "LeadAssigned", "LeadStatusChanged",
                "LeadStatusChanged");
        assertThat(mail.got).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aFailedDeliveryIsRetriedAfterItsBackoffAndHoldsBackOnlyLaterEventsOfTheSameRecord() {
        Crm node = node(storage(), THREE_TRIES);
        Recorder mail = new Recorder("mail");
        node.events().register(mail);
        LeadId first = capture(node, "ada@example.com");
        LeadId other = capture(node, "grace@example.com");
        node.leads().assign(first, UserId.of("alice"));
        mail.failing = e -> e.aggregateId().equals(first.toString()) && e.type().equals("LeadCaptured");

        node.events().dispatchDue();
        assertThat(mail.got).extracting(EventEnvelope::aggregateId).containsExactly(other.toString());

        mail.failing = e -> false;
        clock.advance(Duration.ofSeconds(9));
        node.events().dispatchDue();
        assertThat(mail.got).as("not due before its backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        node.events().dispatchDue();

        assertThat(mail.types()).containsExactly("LeadCaptured", "LeadCaptured", "LeadAssigned");
        assertThat(mail.got.get(1).aggregateId()).isEqualTo(first.toString());
        assertThat(mail.got.get(1).attempt()).isEqualTo(2);
    }

    @Test
    void afterItsLastTryADeliveryIsADeadLetterThatAnAdminCanRetry() {
        Crm node = node(storage(), THREE_TRIES);
        Recorder mail = new Recorder("mail");
        node.events().register(mail);
        mail.failing = e -> true;
        LeadId lead = capture(node, "ada@example.com");
        node.leads().assign(lead, UserId.of("alice"));

        for (int i = 0; i < 3; i++) {
            node.events().dispatchDue();
            clock.advance(Duration.ofMinutes(1));
        }
        List<DeadLetter> dead = node.events().deadLetters(PageRequest.first(10)).items();
        assertThat(dead).hasSize(1);
        DeadLetter letter = dead.get(0);
        assertThat(letter.subscriber()).isEqualTo(mail.name());
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.lastError()).isEqualTo("java.lang.IllegalStateException: mail server down");
        assertThat(letter.event().type()).isEqualTo("LeadCaptured");
        assertThat(node.events().backlog(mail.name())).as("the record's next event, no longer held back")
                .isEqualTo(1);

        mail.failing = e -> false;
        node.events().dispatchDue();
        assertThat(mail.types()).containsExactly("LeadAssigned");
        assertThat(node.events().retry(letter.event().eventId(), mail.name())).isTrue();
        assertThat(node.events().retry(letter.event().eventId(), mail.name())).as("no longer dead").isFalse();
        node.events().dispatchDue();
        assertThat(mail.types()).containsExactly("LeadAssigned", "LeadCaptured");
        assertThat(node.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anEventWaitingForItsSubscriberShowsInTheBacklogAgeUntilDelivered() {
        Recorder mail = new Recorder("lag");
        crm.events().register(mail);
        capture(crm, "ada@example.com");
        clock.advance(Duration.ofMinutes(3));

        assertThat(crm.events().oldestPending()).as("waiting since the capture (or longer, for other tenants)")
                .hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(clock.instant().minus(Duration.ofMinutes(3))));
        assertThatThrownBy(() -> crm.as(new Actor(tenant, UserId.of("rep-2"), Set.of())).events().oldestPending())
                .isInstanceOf(AccessDeniedException.class);
        crm.events().dispatchDue();
        assertThat(mail.got).hasSize(1);
    }

    @Test
    void deadLettersAreForAdmins() {
        Crm rep = crm.as(new Actor(tenant, UserId.of("rep-2"), Set.of()));
        assertThatThrownBy(() -> rep.events().deadLetters(PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rep.events().retry(UUID.randomUUID(), "mail"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSubscriberIsStoredOnlyTheEventsItAccepts() {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        crm.tracking().createCampaign(dev.crmkit.core.tracking.CampaignDetails.named("Spring",
                dev.crmkit.core.common.Channel.WEB));
        assertThat(crm.events().backlog(mail.name())).isZero();
        capture(crm, "ada@example.com");
        assertThat(crm.events().backlog(mail.name())).isEqualTo(1);
    }

    @Test
    void aSecondSubscriberOfTheSameNameIsRefused() {
        crm.events().register(new Recorder("mail"));
        assertThatThrownBy(() -> crm.events().register(new Recorder("mail")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsStoredBeforeARestartReachTheSubscriberRegisteredUnderTheSameNameAfterIt() throws Exception {
        Recorder before = new Recorder("mail");
        AutoCloseable registration = crm.events().register(before);
        LeadId lead = capture(crm, "ada@example.com");
        registration.close();
        crm.leads().assign(lead, UserId.of("alice")); // while no subscriber is registered: not stored for it

        Crm restarted = node(secondNode(), DeliveryPolicy.defaults());
        Recorder after = new Recorder("mail");
        restarted.events().register(after);
        restarted.events().dispatchDue();

        assertThat(before.got).isEmpty();
        assertThat(after.types()).containsExactly("LeadCaptured");
    }

    @Test
    void aDeliveryLeasedByANodeThatDiedGoesToAnotherNodeWhenTheLeaseRunsOut() {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        capture(crm, "ada@example.com");
        // A node claims the delivery and dies before reporting back.
        List<OutboxEntry> taken = storage().outbox().claim(List.of(mail.name()), clock.instant(), 10, "dead-node",
                clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(taken).hasSize(1);

        Crm survivor = node(secondNode(), DeliveryPolicy.defaults());
        Recorder same = new Recorder("mail");
        survivor.events().register(same);
        survivor.events().dispatchDue();
        assertThat(same.got).as("leased to the dead node").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        survivor.events().dispatchDue();
        assertThat(same.got).extracting(EventEnvelope::eventId).containsExactly(taken.get(0).eventId());
    }

    @Test
    void twoNodesDispatchingAtOnceDeliverEveryEventExactlyOnce() throws Exception {
        Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<Crm> nodes = List.of(node(storage(), DeliveryPolicy.defaults()),
                node(secondNode(), DeliveryPolicy.defaults()));
        for (Crm n : nodes) {
            n.events().register(new Recorder("mail") {
                @Override
                public void deliver(EventEnvelope event) {
                    deliveries.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        int leads = 60;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                Crm writer = nodes.get(w);
                int offset = w * leads / 2;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < leads / 2; i++) {
                        capture(writer, "lead" + (offset + i) + "@example.com");
                    }
                    return null;
                }));
            }
            for (Crm dispatcher : nodes) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 30; round++) {
                        dispatcher.events().dispatchDue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        nodes.get(0).events().dispatchDue();

        assertThat(deliveries).hasSize(leads);
        assertThat(deliveries.values()).as("deliveries per event").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(Collections.max(deliveries.values(), (a, b) -> a.get() - b.get()).get()).isEqualTo(1);
    }

    @Test
    void theBuiltInDispatcherDeliversSoonAfterTheCommitAndStopsWhenClosed() throws Exception {
        Recorder mail = new Recorder("mail");
        crm.events().register(mail);
        AutoCloseable dispatcher = crm.events().startDispatcher(Duration.ofMinutes(10));
        try {
            capture(crm, "ada@example.com");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (mail.got.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(mail.types()).as("woken by the commit, long before the 10-minute poll")
                    .containsExactly("LeadCaptured");
        } finally {
            dispatcher.close();
        }
        capture(crm, "grace@example.com");
        Thread.sleep(100);
        assertThat(mail.got).as("stopped").hasSize(1);
        assertThat(crm.events().backlog(mail.name())).isEqualTo(1);
    }
}
