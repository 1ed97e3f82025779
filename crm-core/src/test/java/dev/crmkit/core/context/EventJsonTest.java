package dev.crmkit.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.testkit.Samples;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    @Test
    void aStoredPayloadBeyondJacksonsDefaultBoundsStillReadsBack() {
        LeadCaptured event = new LeadCaptured(TenantId.of("t1"), Samples.T0,
                Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com"));
        String key = "k".repeat(60_000); // Jackson's default allows 50,000-character names
        String json = EventJson.write(event).replace("\"utm_source\"", "\"" + key + "\"");

        LeadCaptured read = EventJson.read(json, LeadCaptured.class);

        assertThat(read.lead().customFields()).containsEntry(key, "newsletter");
        assertThat(read.lead().id()).isEqualTo(event.lead().id());
    }
}
