package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo's starting data, made once per database: a campaign with two tracked ads, and a customer (account,
 * contact with a phone for the agent console, an opportunity with a quote to preview).
 */
@Component
class DemoData implements ApplicationRunner {
    static final List<String> AD_CODES = List.of("SPRING-A", "SPRING-B");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Crm crm;

    DemoData(Crm crm) {
        this.crm = crm;
    }

    @Override
    public void run(ApplicationArguments args) {
        Crm website = crm.as(Actors.WEBSITE);
        if (!website.tracking().campaigns().isEmpty()) {
            return;
        }
        website.inTransaction(() -> {
            // alex leads the inbound team the assignment rules deal leads to: he sees sam's leads as well as his own
            website.teams().create("Inbound", UserId.of("alex"), Set.of(UserId.of("alex"), UserId.of("sam")));
            CampaignId spring = website.tracking().createCampaign(CampaignDetails.named("Spring launch",
                    Channel.WEB));
            website.tracking().createAd(new AdDetails(spring, "Banner A", AD_CODES.get(0), "https://example.com/a"));
            website.tracking().createAd(new AdDetails(spring, "Banner B", AD_CODES.get(1), "https://example.com/b"));

            // alex's customer: records are seen by their owner and the managers above (see crm.sharing())
            UserId alex = Actors.AGENT.user();
            AccountId account = website.accounts().create(AccountDetails.named("Analytical Ltd").withOwner(alex));
            ContactId ada = website.contacts().create(ContactDetails.of(account, "Ada", "Lovelace",
                    "ada@analytical.example").withPhone("+44 20 7946 0018").withOwner(alex));
            ProductId engine = website.products().create(ProductDetails.of("ENG-2", "Analytical Engine"));
            website.products().createPriceBook("United Kingdom", "GBP");
            website.products().setListPrice(engine, Money.of("12500.00", "GBP"));
            OpportunityId deal = website.opportunities().create(NewOpportunity.of(account, "Analytical Engine",
                    Money.of("25000.00", "GBP"), LocalDate.now(ZoneOffset.UTC).plusWeeks(6)).withContact(ada)
                    .withOwner(alex));
            website.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(engine, 2, "5"))).withTaxRate("20")
                    .withNotes("Installation included"));
            return null;
        });
        LOG.info("CRMKit web example: demo data created in tenant {}", Actors.TENANT);
    }
}
