package dev.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Round trips through a mapper configured as Spring Boot configures its own, plus this module. */
class CrmKitModuleTest {
    private static final ObjectMapper HOST = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new CrmKitModule())
            .build();
    /** As strict as a mapper gets: every property written must be one the reader knows. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new CrmKitModule())
            .build();

    @Test
    void moneyIsAnAmountAsTextAndACurrency() throws Exception {
        assertThat(HOST.writeValueAsString(Money.of("1999.99", "GBP")))
                .isEqualTo("{\"amount\":\"1999.99\",\"currency\":\"GBP\"}");
        assertThat(HOST.readValue("{\"amount\": 12.5, \"currency\": \"EUR\"}", Money.class))
                .isEqualTo(Money.of("12.50", "EUR"));
        assertThatThrownBy(() -> HOST.readValue("{\"amount\": \"NaN\", \"currency\": \"EUR\"}", Money.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void idsAreTheirText() throws Exception {
        UUID uuid = UUID.randomUUID();
        assertThat(HOST.writeValueAsString(LeadId.of(uuid))).isEqualTo("\"" + uuid + "\"");
        assertThat(HOST.readValue("\"" + uuid + "\"", LeadId.class)).isEqualTo(LeadId.of(uuid));
    }

    @Test
    void recordsAndEventsRoundTripAsTheirComponentsOnly() throws Exception {
        List<Object> values = List.of(
                Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com"),
                Samples.account(AccountId.of(UUID.randomUUID()), "Analytical Engines Ltd"),
                Samples.contact(ContactId.of(UUID.randomUUID()), AccountId.of(UUID.randomUUID()), "cb@example.com"),
                // Approved, with an approver its Approval writes under the quote's old name, approvedBy.
                Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-7", OpportunityId.of(UUID.randomUUID()),
                        AccountId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()),
                        ProductId.of(UUID.randomUUID())),
                new LeadCaptured(TenantId.of("acme"), Samples.T0,
                        Samples.lead(LeadId.of(UUID.randomUUID()), "grace@example.com")));
        for (Object value : values) {
            String json = HOST.writeValueAsString(value);
            assertThat(STRICT.readValue(json, value.getClass())).as(json).isEqualTo(value);
        }
    }

    @Test
    void everyEventOfALeadsWayToACaseRoundTrips() throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        try (Crm crm = Crm.builder().build()) {
            Crm alice = crm.as(Actor.of("acme", "alice", Actor.MANAGER));
            alice.events().subscribe(DomainEvent.class, events::add);
            CampaignId spring = alice.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
            alice.tracking().createAd(new AdDetails(spring, "Banner A", "SPRING-A", "https://example.com/a"));
            alice.tracking().record(new TrackedActivity.AdClick("evt-1", Samples.T0, "visitor-42", "SPRING-A", null,
                    null));
            LeadId id = alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE Ltd"));
            alice.leads().qualify(id);
            Conversion c = alice.leads().convert(id, ConvertLead.automatically());
            alice.cases().open(NewCase.from(c.contact(), Channel.PHONE, "Engine jams"));
        }
        assertThat(events).hasSizeGreaterThan(5);
        for (DomainEvent event : events) {
            String json = HOST.writeValueAsString(event);
            assertThat(STRICT.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }

    @Property
    void anyMoneyRoundTrips(@ForAll("money") Money money) throws Exception {
        assertThat(STRICT.readValue(HOST.writeValueAsString(money), Money.class)).isEqualTo(money);
    }

    @Provide
    Arbitrary<Money> money() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(new BigDecimal("-999999999999999.99"), new BigDecimal("999999999999999.99"))
                .ofScale(2);
        return amounts.flatMap(a -> Arbitraries.of("EUR", "GBP", "USD", "CHF").map(c -> Money.of(a, c)));
    }
}
