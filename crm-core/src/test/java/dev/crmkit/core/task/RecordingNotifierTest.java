package dev.crmkit.core.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingNotifierTest {
    @Test
    void everyAlertSentIsRecordedInOrder() {
        RecordingNotifier notifier = new RecordingNotifier();
        Notifier.Alert first = new Notifier.Alert(TenantId.of("t"), UserId.of("u"), "lead", "hot", Instant.EPOCH);
        Notifier.Alert second = new Notifier.Alert(TenantId.of("t"), null, "lead", "cold", Instant.EPOCH);
        notifier.notify(first);
        notifier.notify(second);
        assertThat(notifier.alerts()).containsExactly(first, second);
    }
}
