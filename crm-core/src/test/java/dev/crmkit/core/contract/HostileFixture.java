package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The valid records one tenant's hostile writes need (an account to attach a contact to, a quote to revise, ...),
 * created on first use through the public API, and {@link #readEverything()}: the reads that must keep working
 * whatever was stored.
 */
public final class HostileFixture {
    /** Wide enough for every instant the documented range admits. */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final PageRequest PAGE = PageRequest.first(PageRequest.MAX_SIZE);

    public final Crm crm;
    private AccountId account;
    private ContactId contact;
    private LeadId lead;
    private ProductId product;
    private OpportunityId opportunity;
    private PurchaseId purchase;
    private CampaignId campaign;
    private String adCode;
    private int serial;

    public HostileFixture(Crm crm) {
        this.crm = crm;
    }

    /** Distinct per call within the tenant, e.g. for names that must be unique. */
    public String serial(String prefix) {
        return prefix + "-" + ++serial;
    }

    public AccountId account() {
        if (account == null) {
            account = crm.accounts().create(AccountDetails.named("Acme"));
        }
        return account;
    }

    public ContactId contact() {
        if (contact == null) {
            contact = crm.contacts().create(ContactDetails.of(account(), "Grace", "Hopper", "grace@navy.example"));
        }
        return contact;
    }

    public LeadId lead() {
        if (lead == null) {
            lead = newLead();
        }
        return lead;
    }

    public LeadId newLead() {
        return crm.leads().capture(NewLead.of("Ada", "Lovelace", serial("ada") + "@example.com"));
    }

    /** A product with a EUR list price. */
    public ProductId product() {
        if (product == null) {
            product = crm.products().create(ProductDetails.of("ENG-1", "Engine"));
            crm.products().createPriceBook("Europe", "EUR");
            crm.products().setListPrice(product, Money.of("1999.99", "EUR"));
        }
        return product;
    }

    public OpportunityId opportunity() {
        if (opportunity == null) {
            opportunity = newOpportunity();
        }
        return opportunity;
    }

    public OpportunityId newOpportunity() {
        return crm.opportunities().create(NewOpportunity.of(account(), "Engines", Money.of("2000.00", "EUR"),
                LocalDate.of(2026, 3, 31)));
    }

    /** A new draft quote of one line. */
    public QuoteId newQuote() {
        return crm.quotes().create(opportunity(), QuoteDraft.of(List.of(QuoteItem.of(product(), 1))));
    }

    /** A new quote, sent. */
    public QuoteId newSentQuote() {
        QuoteId quote = newQuote();
        crm.quotes().send(quote);
        return quote;
    }

    /** A new placed order. */
    public OrderId newOrder() {
        return crm.quotes().accept(newSentQuote());
    }

    public Case newCase() {
        return crm.cases().open(NewCase.from(contact(), Channel.EMAIL, "Engine stalls"));
    }

    public PurchaseId purchase() {
        if (purchase == null) {
            purchase = crm.customers().recordPurchase(NewPurchase.of(account(), contact(), "ENG-1", 1,
                    Money.of("10.00", "EUR")));
        }
        return purchase;
    }

    public CampaignId campaign() {
        if (campaign == null) {
            campaign = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        }
        return campaign;
    }

    /** The tracking code of an ad of {@link #campaign()}. */
    public String adCode() {
        if (adCode == null) {
            adCode = "AD1";
            crm.tracking().createAd(new AdDetails(campaign(), "Banner", adCode, null));
        }
        return adCode;
    }

    /**
     * Lists, searches and reads every kind of record the catalog writes, and every record one by one, as a host
     * would; throws whatever a read throws. Returns how many records it read.
     */
    public int readEverything() {
        int read = 0;
        for (Lead l : crm.leads().search(LeadQuery.all(), PAGE).items()) {
            crm.leads().get(l.id());
            crm.leads().findDuplicates(l.id());
            read++;
        }
        crm.leads().rescoreOpen();
        for (Account a : crm.accounts().list(PAGE).items()) {
            crm.accounts().get(a.id());
            crm.contacts().ofAccount(a.id());
            crm.customers().purchases(a.id());
            crm.customers().feedback(a.id());
            crm.customers().timeline(a.id(), PAGE);
            crm.cases().ofAccount(a.id());
            for (Opportunity o : crm.opportunities().ofAccount(a.id())) {
                crm.quotes().ofOpportunity(o.id()).forEach(q -> crm.quotes().html(q.id()));
                read++;
            }
            crm.orders().ofAccount(a.id());
            read++;
        }
        read += crm.contacts().search(ContactQuery.all(), PAGE).items().size();
        read += crm.products().list(PAGE).items().size();
        crm.products().priceBooks();
        read += crm.tasks().myOpenTasks().size();
        crm.tasks().overdue();
        crm.tasks().dueReminders(LATEST);
        read += crm.calendar().myCalendar(EARLIEST, LATEST).size();
        for (Segment s : crm.segments().list()) {
            crm.segments().count(s.id());
            read++;
        }
        crm.segments().listWithSizes();
        read += crm.tracking().campaigns().size();
        crm.tracking().campaigns().forEach(c -> crm.tracking().ads(c.id()));
        read += crm.tracking().affiliates().size();
        for (Lead l : crm.leads().search(LeadQuery.all(), PAGE).items()) {
            for (Touchpoint t : crm.tracking().touchpointsOfLead(l.id())) {
                crm.tracking().touchpoint(t.id());
                read++;
            }
        }
        crm.knowledge().search("engine", 10);
        crm.cases().escalateOverdue();
        return read;
    }
}
