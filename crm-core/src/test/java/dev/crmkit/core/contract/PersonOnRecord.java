package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.customer.NewFeedback;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A person CRMKit holds in every place a host's use puts them, through the public API only: a lead captured from a web
 * visit with a form submission and a logged call, consent records, an address with email consent and a marketing
 * email sent, a phone added later (an audited change), converted into a contact with a case naming them, a purchase
 * with instructions naming them, feedback signed by them, a task and a meeting about them, and a document that quotes
 * them. Their last name is made up for each fixture, so a search of the storage for it finds only them.
 */
public final class PersonOnRecord {
    public final String firstName = "Quilla";
    public final String lastName;
    public final String email;
    public final String phone;
    /** The phone as every adapter stores it. */
    public final String phoneStored;
    public final String visitor;
    public final LeadId lead;
    public final ContactId contact;
    public final AccountId account;
    public final CaseId supportCase;
    public final PurchaseId purchase;
    public final OpportunityId opportunity;

    /** What a CRM that sends the fixture's email is built {@code with}: email settings and a recording sender. */
    public static Object[] mailSettings() {
        return new Object[] {EmailSettings.of("news@shop.example", "k".repeat(32), "https://shop.example/email"),
                new RecordingEmailSender()};
    }

    private PersonOnRecord(Crm crm, Crm mail, Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        String tag = letters.toString();
        String exchange = String.format("%03d", random.nextInt(1000));
        String line = String.format("%04d", random.nextInt(10_000)); // London numbers: 020 7xxx xxxx
        phone = "+44 20 7" + exchange + " " + line;
        phoneStored = "+44207" + exchange + line;
        lastName = "Zorbenwick" + tag;
        email = "quilla." + lastName.toLowerCase() + "@example.org";
        visitor = "visitor-" + tag;
        EmailTemplateId news = mail.email().createTemplate(NewEmailTemplate.marketing("News " + tag,
                "News for {{firstName}}", "<p>Hi {{firstName}} {{lastName}}</p><a href=\"{{unsubscribeUrl}}\">x</a>"));

        lead = crm.leads().capture(NewLead.of(firstName, lastName, email).company("Acme Gears").visitorId(visitor)
                .tags(Set.of("webinar")));
        crm.tracking().record(new FormSubmission("form-" + tag, now, visitor, lead, null, "Contact us"));
        crm.tracking().logCall(RepInteraction.withLead(lead, 60, "interested",
                "spoke with " + firstName + " " + lastName));
        crm.consent().grant(lead, ConsentPurpose.PROFILING, LawfulBasis.CONSENT, "cookie banner", null);
        mail.email().grantConsent(email, LawfulBasis.CONSENT, "web form");
        mail.email().sendMarketing(EmailRequest.of(news, email).lead(lead)
                .values(Map.of("firstName", firstName, "lastName", lastName)));
        crm.leads().fillEmpty(lead, NewLead.of(firstName, lastName, email).phone(phone));
        crm.leads().qualify(lead);
        Conversion c = crm.leads().convert(lead, ConvertLead.automatically()
                .withOpportunity("Gears for " + firstName + " " + lastName, Money.of("900.00", "EUR"),
                        LocalDate.ofInstant(now, ZoneOffset.UTC).plusMonths(1)));
        opportunity = Objects.requireNonNull(c.opportunity());
        contact = c.contact();
        account = c.account();
        supportCase = crm.cases().open(NewCase.from(contact, Channel.PHONE, "Complaint from " + lastName)
                .withDescription("Call " + firstName + " " + lastName + " back on " + phone + " or " + email)).id();
        purchase = crm.customers().recordPurchase(new NewPurchase(account, contact, "ENG-2", null, null, 1,
                Money.of("100.00", "EUR"), Set.of(), "Deliver to " + firstName + " " + lastName, null));
        crm.customers().recordFeedback(NewFeedback.aboutPurchase(purchase, 4, "Works. " + firstName + " " + lastName,
                Channel.EMAIL));
        crm.tasks().create(NewTask.of("Call " + lastName).about(Subject.of(contact)));
        crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.MEETING, "Demo with " + lastName,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)))
                .withContacts(contact));
        crm.documents().attach(DocumentOwner.of(contact), "letter.txt", "text/plain", new ByteArrayInputStream(
                ("Dear team, write to me at " + email + ". " + lastName).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Puts a new person on record in {@code crm} (an ADMIN and MANAGER), at {@code now}; {@code mail} is the same CRM
     * built with {@link #mailSettings}.
     */
    public static PersonOnRecord create(Crm crm, Crm mail, Instant now) {
        return new PersonOnRecord(crm, mail, now);
    }

    /**
     * What identifies the person in text: their email, phone (as given and as stored), last name and the visitor id
     * their browsing was tracked under.
     */
    public List<String> traces() {
        return List.of(email, phone, phoneStored, lastName, visitor);
    }
}
