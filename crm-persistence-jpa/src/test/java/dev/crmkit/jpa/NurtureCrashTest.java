package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.nurture.EnrollmentStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A node killed in the middle of sending nurture emails: a child JVM runs a page of welcome steps (committed, emails
 * queued), is stopped with {@code destroyForcibly()} while it hands them to the sender one by one, and a restarted
 * node sends the rest. Every person ends with the email, and only the one in flight at the kill (handed to the
 * sender, not yet marked sent) can go twice.
 */
@EachDatabase
class NurtureCrashTest {
    private static final int LEADS = 10;
    private static final int KILL_AFTER = 3;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    @Test
    void stepsInterruptedByAKillSendEachEmailOnceButTheOneInFlight() throws Exception {
        TenantId tenant = TenantId.of("crash-" + UUID.randomUUID().toString().substring(0, 8));
        CrashedNode node = new CrashedNode(database, dir);
        List<String> lines = node.runUntil(NurtureCrashChild.class,
                seen -> CrashedNode.after(seen, "SENT ").size() == KILL_AFTER, tenant.value(), Integer.toString(LEADS));
        List<String> leads = CrashedNode.after(lines, "ENROLLED ").stream()
                .flatMap(l -> Arrays.stream(l.split(","))).toList();
        List<String> sentBefore = CrashedNode.after(lines, "SENT ");
        assertThat(leads).hasSize(LEADS);
        assertThat(sentBefore).as("the child was killed mid-batch").hasSize(KILL_AFTER);

        JpaStorage restarted = node.restart();
        RecordingEmailSender after = new RecordingEmailSender();
        try (Crm crm = Crm.builder().storage(restarted).with(NurtureCrashChild.SETTINGS).with(after)
                .actor(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.ADMIN, Actor.MANAGER))).build()) {
            crm.automation().runDue();
            assertThat(crm.automation().runDue()).isZero();
            List<String> sentAfter = after.sent().stream().map(m -> m.to().value()).toList();
            for (int i = 0; i < LEADS; i++) {
                String address = "lead" + i + "@example.com";
                long times = sentBefore.stream().filter(address::equals).count()
                        + sentAfter.stream().filter(address::equals).count();
                assertThat(times).as("emails to %s", address).isBetween(1L, 2L);
            }
            assertThat(sentBefore.size() + sentAfter.size()).as("only the email in flight went twice")
                    .isBetween(LEADS, LEADS + 1);
            for (String lead : leads) {
                assertThat(crm.sequences().enrollmentsOf(LeadId.parse(lead))).singleElement()
                        .extracting(e -> e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
            }
        }
    }
}
