package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.email.ConsentChange;
import dev.crmkit.core.email.EmailMessage;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.OptIn;
import dev.crmkit.core.email.OptInRequest;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.email.SendResult;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.Touchpoint;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Marketing email with consent: a lead asks for the newsletter, confirms by the link in the confirmation email, gets
 * the newsletter (held for the night in their time zone, then sent), clicks, and unsubscribes by the link in it. The
 * sender records the messages instead of sending them ({@code SmtpEmailSender} in crm-mail-smtp sends them for
 * real). Runs on a fixed clock so its output is stable.
 */
public final class EmailWithConsent {
    /** Monday 21:30 in Berlin. */
    private static final Instant EVENING = Instant.parse("2026-01-05T20:30:00Z");

    private EmailWithConsent() {
    }

    public static void main(String[] args) {
        walk(System.out);
    }

    static void walk(PrintStream out) {
        RecordingEmailSender sender = new RecordingEmailSender();
        SimulatedClock clock = new SimulatedClock(EVENING);
        try (Crm crm = Crm.builder().clock(clock).actor(Actor.of("acme", "maria", Actor.MANAGER))
                .with(EmailSettings.of("news@shop.example", "change-me-to-a-long-random-secret",
                        "https://shop.example/email").fromName("Shop"))
                .with(sender).build()) {
            EmailTemplateId confirm = crm.email().createTemplate(NewEmailTemplate.transactional("Confirm",
                    "Please confirm your subscription", "<p><a href=\"{{confirmUrl}}\">Yes, subscribe me</a></p>")
                    .text("Confirm: {{confirmUrl}}"));
            EmailTemplateId news = crm.email().createTemplate(NewEmailTemplate.marketing("News",
                    "News for {{firstName}}", "<p>Hello {{firstName}}, our <b>spring offers</b> are here.</p>"
                            + "<p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>")
                    .text("Hello {{firstName}}, our spring offers are here.\nUnsubscribe: {{unsubscribeUrl}}"));

            LeadId ada = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            SendResult before = newsletter(crm, news, ada);
            out.println("before consent:      " + before.outcome());

            OptIn optIn = crm.email().requestOptIn(OptInRequest.of("ada@example.com", "newsletter box")
                    .zone(ZoneId.of("Europe/Berlin")).confirmation(confirm));
            EmailMessage confirmation = sender.sent().get(0);
            out.println("confirmation mail:   " + confirmation.subject() + " (link valid until "
                    + optIn.expiresAt() + ")");
            String link = confirmation.text().substring("Confirm: ".length());
            crm.email().confirmOptIn(link.substring(link.indexOf("token=") + "token=".length()));
            out.println("after the link:      " + crm.email().recipient("ada@example.com").orElseThrow().status());

            SendResult held = newsletter(crm, news, ada);
            out.println("at 21:30 in Berlin:  " + held.outcome() + " until " + held.dueAt());
            clock.set(held.dueAt());
            out.println("sendDue at 08:00:    " + crm.email().sendDue() + " sent");
            EmailMessage mail = sender.sent().get(1);
            out.println("newsletter:          " + mail.subject() + ", List-Unsubscribe " + mail.header(
                    "List-Unsubscribe").substring(0, 45) + "...");

            crm.email().recordClick(held.email(), "https://shop.example/spring");
            for (Touchpoint t : crm.tracking().touchpointsOfLead(ada)) {
                out.println("touchpoint:          " + t.kind() + " " + t.detail());
            }
            out.println("score:               " + crm.leads().score(ada));

            String unsubscribe = mail.header("List-Unsubscribe");
            crm.email().unsubscribe(unsubscribe.substring(unsubscribe.indexOf("token=") + "token=".length(),
                    unsubscribe.length() - 1));
            out.println("after unsubscribing: " + newsletter(crm, news, ada).outcome());
            for (ConsentChange c : crm.email().consentHistory("ada@example.com")) {
                out.println("consent log:         " + c.at() + " " + c.action() + " (" + c.source()
                        + (c.basis() == null ? "" : ", " + c.basis()) + ")");
            }
        }
    }

    private static SendResult newsletter(Crm crm, EmailTemplateId news, LeadId lead) {
        return crm.email().sendMarketing(EmailRequest.of(news, "ada@example.com")
                .values(Map.of("firstName", "Ada")).lead(lead));
    }
}
