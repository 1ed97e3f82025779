package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmailWithConsentTest {
    @Test
    void theExampleWalksFromOptInToUnsubscribe() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmailWithConsent.walk(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("before consent:      NO_CONSENT")
                .contains("after the link:      SUBSCRIBED")
                .contains("at 21:30 in Berlin:  DEFERRED until 2026-01-06T07:00:00Z")
                .contains("sendDue at 08:00:    1 sent")
                .contains("touchpoint:          EMAIL_SENT News for Ada")
                .contains("touchpoint:          EMAIL_CLICK https://shop.example/spring")
                .contains("after unsubscribing: SUPPRESSED")
                .contains("UNSUBSCRIBED (unsubscribe link)");
    }
}
