package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.automation.RunOutcome;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.Subject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A node killed in the middle of {@code automation().runDue()}: a child JVM runs a batch of delayed rule runs and is
 * stopped with {@code destroyForcibly()} after some committed; a restarted node's {@code runDue} runs the rest, and
 * every lead ends with exactly one task and one logged run: nothing twice, nothing lost.
 */
@EachDatabase
class AutomationCrashTest {
    private static final int LEADS = 12;
    private static final int KILL_AFTER = 3;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void delayedRunsInterruptedByAKillRunOnceEachAfterTheRestart() throws Exception {
        TenantId tenant = TenantId.of("crash-" + UUID.randomUUID().toString().substring(0, 8));
        CrashedNode node = new CrashedNode(database, dir);
        List<String> lines = node.runUntil(AutomationCrashChild.class,
                seen -> CrashedNode.after(seen, "RAN ").size() == KILL_AFTER, tenant.value(), Integer.toString(LEADS));
        List<String> leads = CrashedNode.after(lines, "SCHEDULED ").stream()
                .flatMap(l -> Arrays.stream(l.split(","))).toList();
        int ran = CrashedNode.after(lines, "RAN ").size();
        assertThat(leads).as("the child scheduled a run per lead").hasSize(LEADS);
        assertThat(ran).as("the child was killed mid-batch").isEqualTo(KILL_AFTER);

        JpaStorage restarted = node.restart();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
        try (Crm crm = Crm.builder().storage(restarted).clock(later)
                .actor(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.ADMIN, Actor.MANAGER))).build()) {
            assertThat(crm.automation().runDue()).isBetween(LEADS - KILL_AFTER - 1, LEADS - KILL_AFTER);
            assertThat(crm.automation().runDue()).isZero();
            for (String lead : leads) {
                assertThat(crm.tasks().ofSubject(Subject.of(LeadId.parse(lead)))).as("tasks of %s", lead).hasSize(1);
            }
            List<RuleRun> runs = crm.automation().runs(crm.automation().list().get(0).id(), PageRequest.first(100))
                    .items();
            assertThat(runs).hasSize(LEADS).allMatch(r -> r.outcome() == RunOutcome.DONE);
        }
    }
}
