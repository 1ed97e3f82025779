package dev.crmkit.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.AgeBand;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.CustomerEvent.ContactSaved;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.SalesEvent.QuoteChanged;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceEvent.CaseOpened;
import dev.crmkit.core.testkit.Samples;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aLeadEventIsWrittenFlatAsBeforeItsFieldsWereGroupedAndAnOldPayloadStillReads() throws Exception {
        LeadCaptured event = new LeadCaptured(TenantId.of("t1"), Samples.T0,
                Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com"));

        JsonNode lead = JSON.readTree(EventJson.write(event)).get("lead");

        assertThat(lead.fieldNames()).toIterable().contains("firstName", "birthDate", "email", "unverifiedPhone",
                "source", "attribution", "unqualifiedReason", "mergedInto", "convertedContact")
                .doesNotContain("identity", "reach", "origin", "outcome");
        assertThat(EventJson.read(EventJson.write(event), LeadCaptured.class)).isEqualTo(event);

        // A converted lead's event as an outbox row held it before the grouping (with the nameKey it had then).
        String stored = """
                {"tenant":"t1","occurredAt":"2026-01-01T00:00:00Z","lead":{
                 "id":"0190a4b2-0000-7000-8000-000000000001","version":3,"firstName":"Ada","lastName":"Lovelace",
                 "company":"Analytical Engines","title":null,"email":"ada@example.com","phone":"+442079460958",
                 "unverifiedPhone":null,"address":null,"birthDate":"1815-12-10","source":"WEB_FORM",
                 "attribution":{"campaign":null,"ad":null,"affiliate":null},
                 "consent":{"emailMarketing":true,"phoneContact":false,"tracking":true,"postalMail":false},
                 "status":"CONVERTED","unqualifiedReason":null,"score":42,"owner":"rep-7","spam":false,
                 "duplicates":[],"visitorIds":[],"tags":["vip"],"customFields":{},"nameKey":"lovelace|a",
                 "mergedInto":null,"convertedAccount":"0190a4b2-0000-7000-8000-000000000002",
                 "convertedContact":"0190a4b2-0000-7000-8000-000000000003",
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-02T00:00:00Z","history":[]}}""";

        Lead old = EventJson.read(stored, LeadCaptured.class).lead();

        assertThat(old.identity()).isEqualTo(new Identity("Ada", "Lovelace", "Analytical Engines", null,
                LocalDate.of(1815, 12, 10)));
        assertThat(old.reach().email()).isEqualTo(EmailAddress.of("ada@example.com"));
        assertThat(old.origin().source()).isEqualTo(LeadSource.WEB_FORM);
        assertThat(old.outcome().convertedContact())
                .isEqualTo(ContactId.of(UUID.fromString("0190a4b2-0000-7000-8000-000000000003")));
        assertThat(old.status()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void aCaseEventIsWrittenFlatAsBeforeItsFieldsWereGrouped() throws Exception {
        CaseOpened event = new CaseOpened(TenantId.of("t1"), Samples.T0, Samples.serviceCase(
                CaseId.of(UUID.randomUUID()), "CS-1", AccountId.of(UUID.randomUUID()), null,
                ServiceContractId.of(UUID.randomUUID()), ArticleId.of(UUID.randomUUID())));

        JsonNode serviceCase = JSON.readTree(EventJson.write(event)).get("serviceCase");

        assertThat(serviceCase.fieldNames()).toIterable().contains("account", "productCode", "priority", "channel",
                "contract", "resolutionDue", "firstRespondedAt", "resolution", "closedAt")
                .doesNotContain("regarding", "triage", "targets", "closure");
        assertThat(EventJson.read(EventJson.write(event), CaseOpened.class)).isEqualTo(event);
    }

    @Test
    void aContactEventIsWrittenFlatAsBeforeItsFieldsWereGroupedAndAnOldPayloadStillReads() throws Exception {
        ContactSaved event = new ContactSaved(TenantId.of("t1"), Samples.T0,
                Samples.contact(ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), "cb@example.com"));

        JsonNode contact = JSON.readTree(EventJson.write(event)).get("contact");

        assertThat(contact.fieldNames()).toIterable().contains("firstName", "lastName", "title", "email", "phone",
                "address", "birthDate", "ageBand", "gender").doesNotContain("name", "points", "demographics");
        assertThat(EventJson.read(EventJson.write(event), ContactSaved.class)).isEqualTo(event);

        // As an outbox row held it before the grouping, with the nameKey it stored then.
        String stored = """
                {"tenant":"t1","occurredAt":"2026-01-01T00:00:00Z","contact":{
                 "id":"0190a4b2-0000-7000-8000-000000000003","version":1,"account":null,"firstName":"Grace",
                 "lastName":"Hopper","title":"Rear Admiral","email":"grace@example.com","phone":null,"address":null,
                 "birthDate":"1906-12-09","ageBand":"AGE_65_PLUS","gender":"FEMALE","roles":[],"keyDecisionMaker":true,
                 "stage":"CUSTOMER","owner":"rep-7","consent":null,"sourceLead":null,"tags":[],"nameKey":"hopper|g",
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-02T00:00:00Z"}}""";

        Contact old = EventJson.read(stored, ContactSaved.class).contact();

        assertThat(old.name()).isEqualTo(new ContactName("Grace", "Hopper", "Rear Admiral"));
        assertThat(old.points().email()).isEqualTo(EmailAddress.of("grace@example.com"));
        assertThat(old.demographics()).isEqualTo(new Demographics(LocalDate.of(1906, 12, 9), AgeBand.AGE_65_PLUS,
                Gender.FEMALE));
        assertThat(old.keyDecisionMaker()).isTrue();
    }

    @Test
    void aQuoteEventIsWrittenFlatAsBeforeItsFieldsWereGrouped() throws Exception {
        Quote quote = Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-7", OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()), ProductId.of(UUID.randomUUID()));
        QuoteChanged event = new QuoteChanged(TenantId.of("t1"), Samples.T0, quote, quote.history().get(0));

        JsonNode written = JSON.readTree(EventJson.write(event)).get("quote");

        assertThat(written.fieldNames()).toIterable().contains("currency", "taxRate", "lines", "approvalRequired",
                "approvedBy", "validUntil", "notes", "specialInstructions")
                .doesNotContain("pricing", "approval", "terms", "required", "by");
        assertThat(written.get("approvedBy").asText()).isEqualTo("boss");
        assertThat(EventJson.read(EventJson.write(event), QuoteChanged.class)).isEqualTo(event);
    }
}
