package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutomationWelcomeTest {
    @Test
    void consentingLeadsGetAWelcomeEmailAndLeadsThatDidNotConvertAFollowUpTaskTwoDaysLater() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AutomationWelcome.walk(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("day 0, emails sent:  2")
                .contains("to ada@example.com: Welcome, Ada")
                .contains("to grace@example.com: Welcome, Grace")
                .doesNotContain("to bob@example.com")
                .contains("day 1, runDue:       0 rule runs")
                .contains("day 2, runDue:       2 rule runs")
                .contains("tasks about Ada: [Follow up (rep-1, due 2026-01-08T09:00:00Z)]")
                .contains("tasks about Grace: []")
                .contains("tasks about Bob: [Follow up (rep-1, due 2026-01-08T09:00:00Z)]")
                .contains("rule run: welcome email on Bob at 2026-01-05T09:00:00Z: DONE [sendEmail NO_CONSENT]")
                .contains("rule run: follow up after 2 days on Ada at 2026-01-07T09:00:00Z: DONE [createTask")
                .doesNotContain("follow up after 2 days on Grace");
    }
}
