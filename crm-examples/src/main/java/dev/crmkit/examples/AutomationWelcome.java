package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.automation.RuleId;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.email.EmailMessage;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.task.Subject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow rules at work: each captured lead gets a welcome email (only those who gave marketing consent), and a
 * follow-up task for the rep two days later unless the lead converted first. Rules run off delivered events
 * ({@code crm.events().dispatchDue()}) and the delayed one from the host's schedule ({@code crm.automation()
 * .runDue()}); the example calls both where a host's scheduler would and moves a simulated clock two days on. The
 * sender records the messages instead of sending them ({@code SmtpEmailSender} in crm-mail-smtp sends them for real).
 * Runs in memory, the builder's default storage.
 */
public final class AutomationWelcome {
    /** Monday 09:00 UTC: outside the recipients' quiet hours, so the welcome email goes at once. */
    private static final Instant MONDAY_9AM = Instant.parse("2026-01-05T09:00:00Z");

    private AutomationWelcome() {
    }

    public static void main(String[] args) {
        walk(System.out);
    }

    static void walk(PrintStream out) {
        RecordingEmailSender sender = new RecordingEmailSender();
        SimulatedClock clock = new SimulatedClock(MONDAY_9AM);
        // Rules are an admin's to write and a manager's to read.
        try (Crm crm = Crm.builder().clock(clock).actor(Actor.of("acme", "maria", Actor.ADMIN, Actor.MANAGER))
                .with(EmailSettings.of("hello@shop.example", "change-me-to-a-long-random-secret",
                        "https://shop.example/email").fromName("Shop"))
                .with(sender).build()) {
            EmailTemplateId welcome = crm.email().createTemplate(NewEmailTemplate.marketing("Welcome",
                    "Welcome, {{firstName}}", "<p>Hello {{firstName}}, thanks for your interest.</p>"
                            + "<p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>"));
            RuleId welcomeRule = crm.automation().create("""
                    {"name": "welcome email", "event": "LeadCaptured",
                     "actions": [{"type": "sendEmail", "template": "%s"}]}""".formatted(welcome));
            RuleId followUpRule = crm.automation().create("""
                    {"name": "follow up after 2 days", "event": "LeadCaptured", "after": "P2D",
                     "unless": ["LeadConverted"],
                     "actions": [{"type": "createTask", "title": "Follow up", "assignee": {"user": "rep-1"},
                                  "dueInDays": 1}]}""");

            // Ada and Grace ticked the newsletter box on the signup form; Bob did not.
            crm.email().grantConsent("ada@example.com", LawfulBasis.CONSENT, "signup form");
            crm.email().grantConsent("grace@example.com", LawfulBasis.CONSENT, "signup form");
            Map<String, String> names = new LinkedHashMap<>();
            LeadId ada = capture(crm, names, "Ada", "Lovelace");
            LeadId grace = capture(crm, names, "Grace", "Hopper");
            LeadId bob = capture(crm, names, "Bob", "Smith");

            crm.events().dispatchDue();
            out.println("day 0, emails sent:  " + sender.sent().size());
            for (EmailMessage m : sender.sent()) {
                out.println("  to " + m.to().value() + ": " + m.subject());
            }

            // Day 1: Grace converts, which cancels her waiting follow-up.
            clock.advance(Duration.ofDays(1));
            crm.leads().startWorking(crm.leads().get(grace));
            crm.leads().qualify(crm.leads().get(grace));
            crm.leads().convert(crm.leads().get(grace), ConvertLead.automatically());
            crm.events().dispatchDue();
            out.println("day 1, runDue:       " + crm.automation().runDue() + " rule runs (Grace converted)");

            clock.advance(Duration.ofDays(1));
            out.println("day 2, runDue:       " + crm.automation().runDue() + " rule runs");
            for (LeadId lead : new LeadId[] {ada, grace, bob}) {
                out.println("  tasks about " + names.get(lead.value().toString()) + ": " + tasks(crm, lead));
            }

            for (RuleId rule : new RuleId[] {welcomeRule, followUpRule}) {
                for (RuleRun run : crm.automation().runs(rule, PageRequest.first(10)).items()) {
                    out.println("rule run: " + run.ruleName() + " on " + names.get(run.recordId()) + " at "
                            + run.ranAt() + ": " + run.outcome() + " " + run.actions());
                }
            }
        }
    }

    private static LeadId capture(Crm crm, Map<String, String> names, String first, String last) {
        LeadId id = crm.leads().capture(NewLead.of(first, last, first.toLowerCase() + "@example.com"));
        names.put(id.value().toString(), first);
        return id;
    }

    private static String tasks(Crm crm, LeadId lead) {
        return crm.tasks().ofSubject(Subject.of(lead)).stream()
                .map(t -> t.title() + " (" + t.assignee() + ", due " + t.due() + ")").toList().toString();
    }
}
