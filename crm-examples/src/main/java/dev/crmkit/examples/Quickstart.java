package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.FormCapture;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.AdImpressions;
import dev.crmkit.core.tracking.TrackedActivity;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Embeds CRMKit and walks a prospect from an ad click to a customer: campaign setup, tracked clicks, a web form
 * captured as a lead, duplicate detection, qualification, conversion, a purchase and the account's timeline.
 */
public final class Quickstart {
    private final Crm crm;
    private final PrintStream out;

    private Quickstart(Crm crm, PrintStream out) {
        this.crm = crm;
        this.out = out;
    }

    /** Runs in memory; {@code --h2 <file>} runs on an embedded H2 database file instead (kept between runs). */
    public static void main(String[] args) {
        Storage storage = ExampleStorage.fromArgs(args);
        // A tenant per run, so runs on a kept H2 file never collide with an earlier run's tracking codes.
        Actor runner = new Actor(TenantId.of("demo-" + Instant.now().getEpochSecond()), UserId.SYSTEM,
                Set.of(Actor.MANAGER, Actor.ADMIN));
        try (Crm crm = Crm.builder().storage(storage).actor(runner).build()) {
            Conversion customer = new Quickstart(crm, System.out).run();
            ContactCenter.walk(storage, crm.actor(), customer.account(), customer.contact(), System.out);
            SalesDesk.walk(storage, crm.actor(), customer.account(), customer.contact(), System.out);
            MarketingReports.walk(storage, crm.actor(), System.out);
        }
    }

    private Conversion run() {
        out.println("CRMKit quickstart, acting as " + crm.actor().user() + " in tenant " + crm.actor().tenant());

        // Marketing sets up a campaign with an ad that runs on an affiliate site.
        CampaignId spring = crm.tracking().createCampaign(CampaignDetails.named("Spring launch", Channel.WEB));
        AdId banner = crm.tracking().createAd(new AdDetails(spring, "Banner A", "SPRING-A", "https://example.com/a"));
        crm.tracking().createAffiliate(new AffiliateDetails("Gadget Blog", "gadgets.example.org", "BLOG"));

        // The host's ad server and website report what happens (retries with the same event id count once).
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        crm.tracking().record(new AdImpressions("imp-1", today, "SPRING-A", "BLOG", 1200));
        crm.tracking().record(new AdClick("click-1", now.minus(Duration.ofMinutes(5)), "visitor-42", "SPRING-A",
                "BLOG", "https://example.com/a"));
        boolean again = crm.tracking().record(new AdClick("click-1", now.minus(Duration.ofMinutes(5)), "visitor-42",
                "SPRING-A", "BLOG", "https://example.com/a"));
        out.println("click recorded twice, stored again? " + again);

        // The visitor fills in the contact form: the host passes the JSON payload and a field mapping.
        FormMapping contactUs = FormMapping.builder("contact-us")
                .map("first_name", LeadField.FIRST_NAME).map("last_name", LeadField.LAST_NAME)
                .map("email", LeadField.EMAIL).map("company", LeadField.COMPANY).map("country", LeadField.COUNTRY)
                .map("newsletter", LeadField.CONSENT_EMAIL).map("utm_content", LeadField.AD_CODE)
                .honeypot("website").build();
        FormCapture captured = crm.leads().captureForm(contactUs, WebFormSubmission.fromJson("""
                {"first_name": "Ada", "last_name": "Lovelace", "email": "Ada@Analytical.example",
                 "company": "Analytical Engines Ltd", "country": "GB", "newsletter": "yes",
                 "utm_content": "SPRING-A", "website": "", "message": "Please send a quote"}
                """).fromVisitor("visitor-42").withSubmissionId("form-1"));
        Lead lead = crm.leads().get(captured.lead());
        AdId ad = lead.origin().attribution().ad();
        out.printf("form lead %s %s <%s>, score %d, attributed to ad %s, custom fields %s%n",
                lead.identity().firstName(), lead.identity().lastName(), lead.reach().email(), lead.score(),
                ad.equals(banner) ? "Banner A" : ad, lead.customFields());

        // A rep enters the same person by hand: the lead is flagged as a likely duplicate, and merged.
        LeadId typed = crm.leads().capture(NewLead.of("Ada", "Lovelace",
                "ada@analytical.example").phone("+44 20 7946 0958"));
        for (DuplicateMatch m : crm.leads().get(typed).duplicates()) {
            out.println("possible duplicate: " + m.kind() + " " + m.id() + " by " + m.reason());
        }
        crm.leads().merge(lead.id(), typed);

        // The visitor buys; the conversion is attributed to the first and last click before it.
        crm.tracking().record(new TrackedActivity.Conversion("order-1", now, "visitor-42", null,
                Money.of("49.00", "GBP"), null, null, "signup"));

        // The rep calls, qualifies and converts the lead into an account and a contact.
        crm.tracking().logCall(RepInteraction.withLead(lead.id(), 420, "interested", "wants 3 engines"));
        crm.leads().assign(lead.id(), UserId.of("alice"));
        crm.leads().startWorking(lead.id());
        crm.leads().qualify(lead.id());
        Conversion conversion = crm.leads().convert(lead.id(), ConvertLead.automatically());
        out.println("converted: account " + crm.accounts().get(conversion.account()).name() + ", contact "
                + crm.contacts().get(conversion.contact()).points().email() + ", lead score now "
                + crm.leads().get(lead.id()).score());

        // The customer buys; the account becomes a customer and the purchase joins its history.
        crm.customers().recordPurchase(new NewPurchase(conversion.account(), conversion.contact(), "ENG-1",
                "Difference Engine", null, 3, Money.of("1999.99", "GBP"), Set.of(UserId.of("alice")),
                "deliver to the back door", null));

        out.println("timeline of " + crm.accounts().get(conversion.account()).name() + " ("
                + crm.accounts().get(conversion.account()).stage() + "):");
        for (TimelineEntry e : crm.customers().timeline(conversion.account(), PageRequest.first(50)).items()) {
            out.printf("  %s  %-15s %s%n", e.at(), e.kind(), e.summary());
        }
        return conversion;
    }
}
