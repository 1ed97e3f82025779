package dev.crmkit.jpa;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.email.EmailSender;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.QuietHours;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.nurture.SequenceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The application {@link NurtureCrashTest} kills: enrolls {@code count} consenting leads in a one-email sequence,
 * prints their ids, then runs the due steps with a sender that prints each address it is handed and takes its time,
 * so the test can stop the JVM with {@code destroyForcibly()} mid-batch.
 */
public final class NurtureCrashChild {
    static final EmailSettings SETTINGS = EmailSettings.of("hello@shop.example",
            "a-signing-key-of-the-host-0123456789", "https://shop.example/email").quietHours(QuietHours.NONE);

    private NurtureCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        TenantId tenant = TenantId.of(args[1]);
        int count = Integer.parseInt(args[2]);
        EmailSender slow = message -> {
            System.out.println("SENT " + message.to().value());
            System.out.flush();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        JpaStorage storage = JpaStorage.create(OutboxCrashChild.dataSource(url));
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.SYSTEM,
                Set.of(Actor.ADMIN, Actor.MANAGER))).with(SETTINGS).with(slow).build();
        EmailTemplateId welcome = crm.email().createTemplate(NewEmailTemplate.marketing("Welcome", "Welcome",
                "<p>Hi {{firstName}}</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        SequenceId sequence = crm.sequences().create("""
                {"name": "welcome", "steps": [
                  {"id": "welcome", "type": "email", "template": "%s", "next": "end"},
                  {"id": "end", "type": "end"}]}""".formatted(welcome));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "lead" + i + "@example.com";
            crm.email().grantConsent(email, LawfulBasis.CONSENT, "test");
            LeadId lead = crm.leads().capture(NewLead.of("Lead", "No" + i, email));
            crm.sequences().enroll(sequence, lead);
            ids.add(lead.toString());
        }
        System.out.println("ENROLLED " + String.join(",", ids));
        System.out.flush();
        crm.automation().runDue();
    }
}
