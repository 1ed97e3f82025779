package dev.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.TaskEvent.ReminderDue;
import dev.crmkit.core.testkit.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Scheduled work of two application nodes on one database: one node runs it, the other takes over when the first
 * stops.
 */
class CrmSchedulerTest {
    private static final Actor ALICE = Actor.of("acme", "alice", Actor.MANAGER);

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void oneNodeOfTwoRunsTheScheduledWorkAndTheOtherTakesOverWhenItStops(TestDatabases db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<ReminderDue> reminders = new CopyOnWriteArrayList<>();
        try (TestDatabases.Fresh fresh = db.create()) {
            ApplicationContextRunner node = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            DataSourceTransactionManagerAutoConfiguration.class, CrmAutoConfiguration.class))
                    .withBean(Clock.class, () -> clock)
                    .withPropertyValues(fresh.properties())
                    .withPropertyValues("crmkit.tenants=acme", "crmkit.scheduling.interval=100ms",
                            "crmkit.scheduling.dispatch-interval=50ms", "crmkit.scheduling.lease-term=10s");
            node.run(first -> node.run(second -> {
                for (ConfigurableApplicationContext n : List.of(first, second)) {
                    Crm crm = n.getBean(Crm.class);
                    crm.events().register(EventSubscriber.of("welcome-mail", LeadCaptured.class,
                            e -> delivered.add(e.lead().reach().email().toString())));
                    crm.events().subscribe(ReminderDue.class, reminders::add);
                }
                CrmScheduler a = first.getBean(CrmScheduler.class);
                CrmScheduler b = second.getBean(CrmScheduler.class);
                awaitTrue(() -> a.leading() ^ b.leading(), "exactly one node holds the scheduler");
                CrmScheduler leader = a.leading() ? a : b;
                ConfigurableApplicationContext leaderNode = leader == a ? first : second;
                CrmScheduler follower = leader == a ? b : a;

                Crm alice = second.getBean(Crm.class).as(ALICE);
                alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
                awaitTrue(() -> delivered.contains("ada@example.com"), "the leader dispatched the event");
                alice.tasks().create(NewTask.of("Call Ada").dueAt(clock.instant().plus(Duration.ofHours(2)))
                        .remindAt(clock.instant().plus(Duration.ofMinutes(1))));
                clock.advance(Duration.ofMinutes(2));
                awaitTrue(() -> !reminders.isEmpty(), "the leader fired the due reminder");

                leaderNode.close();
                awaitTrue(follower::leading, "the other node takes over once the leader let go");
                alice.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
                awaitTrue(() -> delivered.contains("grace@example.com"), "the new leader dispatches");
                assertThat(delivered).as("each event delivered once").containsExactly("ada@example.com",
                        "grace@example.com");
                assertThat(reminders).hasSize(1);
            }));
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
