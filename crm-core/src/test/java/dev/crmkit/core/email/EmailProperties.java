package dev.crmkit.core.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The rules of email that hold for any input: quiet hours, HTML escaping of merge values, signed links. */
class EmailProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String KEY = "a-signing-key-of-the-host-0123456789";

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"));
    }

    @Property
    void aSendIsNeverDueInsideQuietHoursNorBeforeNowNorMoreThanADayLater(
            @ForAll @IntRange(min = 0, max = 1439) int start, @ForAll @IntRange(min = 0, max = 1439) int end,
            @ForAll @IntRange(min = 0, max = 366 * 24 * 60) int minutes, @ForAll("zones") ZoneId zone) {
        QuietHours quiet = new QuietHours(LocalTime.ofSecondOfDay(start * 60L), LocalTime.ofSecondOfDay(end * 60L));
        Instant now = T0.plus(Duration.ofMinutes(minutes)).plusSeconds(minutes % 60);
        Instant due = quiet.nextAllowed(now, zone);
        assertThat(due).isAfterOrEqualTo(now).isBefore(now.plus(Duration.ofHours(26)));
        assertThat(quiet.contains(due.atZone(zone).toLocalTime())).as("due %s in %s", due, zone).isFalse();
        if (!quiet.contains(now.atZone(zone).toLocalTime())) {
            assertThat(due).isEqualTo(now);
        }
    }

    @Property
    void aMergeValueNeverAddsMarkupToTheHtmlBody(@ForAll String value) {
        String html = MergeFields.render("<p title=\"{{firstName}}\">{{firstName}}</p>", true,
                Map.of("firstName", value));
        String inner = html.substring("<p title=\"".length(), html.length() - "</p>".length());
        assertThat(inner).doesNotContain("<", "\"<").doesNotContain(">\"");
        assertThat(inner.chars().filter(c -> c == '"').count()).isEqualTo(1);
    }

    @Property
    void aSignedLinkVerifiesAsSignedAndAnyChangeToItIsRefused(@ForAll @IntRange(min = 0, max = 200) int position,
                                                              @ForAll @IntRange(min = 1, max = 60) int delta) {
        TenantId tenant = TenantId.of("acme");
        EmailAddress ada = EmailAddress.of("ada@example.com");
        String token = EmailTokens.sign(KEY, EmailTokens.UNSUBSCRIBE, tenant, ada, 0, "");
        EmailTokens.Token t = EmailTokens.verify(KEY, EmailTokens.UNSUBSCRIBE, token);
        assertThat(t.tenant()).isEqualTo(tenant);
        assertThat(t.email()).isEqualTo(ada);
        int at = position % token.length();
        char changed = (char) ('-' + (token.charAt(at) - '-' + delta) % 78);
        String tampered = token.substring(0, at) + changed + token.substring(at + 1);
        if (!tampered.equals(token)) {
            assertThatThrownBy(() -> EmailTokens.verify(KEY, EmailTokens.UNSUBSCRIBE, tampered))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
