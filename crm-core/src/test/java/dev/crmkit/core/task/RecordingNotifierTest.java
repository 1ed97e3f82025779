package dev.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordingNotifierTest {
    @Test
    void everyAlertSentIsRecordedInOrder() {
        RecordingNotifier notifier = new RecordingNotifier();
        TenantId t = TenantId.of("t");
        Notifier.Alert first = new Notifier.Alert(UUID.randomUUID(), t, UserId.of("u"), "lead", "hot", Instant.EPOCH);
        Notifier.Alert second = new Notifier.Alert(UUID.randomUUID(), t, null, "lead", "cold", Instant.EPOCH);
        notifier.notify(first);
        notifier.notify(second);
        assertThat(notifier.alerts()).containsExactly(first, second);
    }
}
