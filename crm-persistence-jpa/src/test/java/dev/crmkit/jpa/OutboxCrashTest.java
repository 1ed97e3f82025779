package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A process killed between commit and delivery: a child JVM commits leads and is stopped with
 * {@code destroyForcibly()} in the middle of delivering their events; after a "restart" (a new storage and CRM on the
 * same database) every event is delivered, the interrupted one again.
 */
@EachDatabase
class OutboxCrashTest {
    private static final int LEADS = 5;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void eventsCommittedBeforeAKillAreDeliveredAfterTheRestart() throws Exception {
        // H2's test database lives in this JVM's memory; the child and the restart share a file instead.
        String url = database.jdbcUrl() != null ? database.jdbcUrl()
                : "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath();
        TenantId tenant = TenantId.of("crash-" + UUID.randomUUID().toString().substring(0, 8));
        String subscriber = "mail-" + tenant.value();

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), OutboxCrashChild.class.getName(), url, tenant.value(),
                subscriber, Integer.toString(LEADS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> committed = new ArrayList<>();
        String interrupted = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("COMMITTED ")) {
                    committed.addAll(Arrays.asList(line.substring(10).split(",")));
                } else if (line.startsWith("DELIVERING ")) {
                    interrupted = line.substring(11);
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the child committed its leads").hasSize(LEADS);
        assertThat(interrupted).as("the child was killed inside a delivery").isNotNull();

        JpaStorage restarted = database.jdbcUrl() != null ? JpaStorage.create(database.dataSource())
                : JpaStorage.embeddedH2(dir.resolve("crash"));
        List<EventEnvelope> delivered = new CopyOnWriteArrayList<>();
        // Past the dead node's 2-second lease.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));
        try (Crm crm = Crm.builder().storage(restarted).clock(later)
                .actor(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.ADMIN))).build()) {
            crm.events().register(new EventSubscriber() {
                @Override
                public String name() {
                    return subscriber;
                }

                @Override
                public void deliver(EventEnvelope event) {
                    delivered.add(event);
                }
            });
            crm.events().dispatchDue();
        }

        assertThat(delivered).extracting(e -> ((LeadCaptured) e.event()).lead().id().toString())
                .containsExactlyInAnyOrderElementsOf(committed);
        assertThat(delivered).extracting(e -> e.eventId().toString()).contains(interrupted);
    }
}
