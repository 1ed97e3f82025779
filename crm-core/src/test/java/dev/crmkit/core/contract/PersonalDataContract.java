package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.tracking.RepInteraction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person's data, all of it, as one JSON document: the data-subject access request. */
public abstract class PersonalDataContract extends ContractSupport {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theExportOfAConvertedPersonHoldsEverythingKeptAboutThem() throws Exception {
        Crm mail = crmWith(EmailSettings.of("news@example.com", "k".repeat(32), "https://example.com/e"));
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE"));
        crm.tracking().logCall(RepInteraction.withLead(lead, 60, "interested", "asked for a demo"));
        mail.email().grantConsent("ada@example.com", LawfulBasis.CONSENT, "web form");
        crm.consent().grant(lead, ConsentPurpose.PROFILING, LawfulBasis.CONSENT, "cookie banner", null);
        crm.leads().qualify(lead);
        Conversion c = crm.leads().convert(lead, ConvertLead.automatically());
        String tracking = crm.cases().open(NewCase.from(c.contact(), Channel.PHONE, "Engine jams")).trackingNumber();
        crm.customers().recordPurchase(NewPurchase.of(null, c.contact(), "ENG-2", 2, Money.of("12500.00", "GBP")));
        crm.documents().attach(DocumentOwner.of(c.contact()), "signed-order.pdf", null,
                new ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));

        JsonNode contact = json.readTree(crm.personalData().export(c.contact()));

        assertThat(contact.path("subject").asText()).isEqualTo("contact");
        assertThat(contact.path("contact").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(contact.path("cases").get(0).path("trackingNumber").asText()).isEqualTo(tracking);
        assertThat(contact.path("purchases").get(0).path("productCode").asText()).isEqualTo("ENG-2");
        assertThat(contact.path("documents").get(0).path("name").asText()).isEqualTo("signed-order.pdf");
        assertThat(contact.path("touchpoints").findValuesAsText("kind")).contains("PHONE_CALL");
        assertThat(contact.path("emailConsentHistory").findValuesAsText("source")).contains("web form");
        assertThat(contact.path("consent").findValuesAsText("purpose")).contains("PROFILING", "EMAIL_MARKETING");

        JsonNode ofLead = json.readTree(crm.personalData().export(lead));
        assertThat(ofLead.path("lead").path("status").asText()).isEqualTo("CONVERTED");
        assertThat(ofLead.path("lead").path("history").size()).isPositive();
        assertThat(ofLead.path("consent").findValuesAsText("source")).contains("cookie banner");
        assertThat(ofLead.path("becameContact").path("contact").path("id").asText())
                .isEqualTo(c.contact().toString());
    }

    @Test
    void onlyAnAdminExportsAndOnlyWithinTheirTenant() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        Crm manager = crm.as(new Actor(tenant, UserId.of("boss"), Set.of(Actor.MANAGER)));
        assertThatThrownBy(() -> manager.personalData().export(lead)).isInstanceOf(AccessDeniedException.class);
        Crm otherTenant = crm.as(new Actor(freshTenant(), actor.user(), actor.roles()));
        assertThatThrownBy(() -> otherTenant.personalData().export(lead)).isInstanceOf(NotFoundException.class);
    }
}
