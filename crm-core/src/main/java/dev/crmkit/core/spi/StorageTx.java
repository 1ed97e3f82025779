package dev.crmkit.core.spi;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.customer.ContactRepository;
import dev.crmkit.core.customer.FeedbackRepository;
import dev.crmkit.core.customer.PurchaseRepository;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.segment.SegmentQueries;
import dev.crmkit.core.segment.SegmentRepository;
import dev.crmkit.core.task.CalendarEventRepository;
import dev.crmkit.core.task.TaskRepository;
import dev.crmkit.core.task.TeamRepository;
import dev.crmkit.core.service.ArticleRepository;
import dev.crmkit.core.service.CaseRepository;
import dev.crmkit.core.service.ProductInfoRepository;
import dev.crmkit.core.service.ServiceContractRepository;
import dev.crmkit.core.tracking.AdRepository;
import dev.crmkit.core.tracking.AffiliateRepository;
import dev.crmkit.core.tracking.CampaignRepository;
import dev.crmkit.core.tracking.TouchpointRepository;
import dev.crmkit.core.sales.AccountTeamRepository;
import dev.crmkit.core.sales.OpportunityRepository;
import dev.crmkit.core.sales.OrderRepository;
import dev.crmkit.core.sales.PriceBookRepository;
import dev.crmkit.core.sales.ProductRepository;
import dev.crmkit.core.sales.QuoteRepository;
import dev.crmkit.core.webhook.WebhookRepository;

/** One open transaction for one tenant: a repository per aggregate. Valid only inside the storage call. */
public interface StorageTx {
    TenantId tenant();

    LeadRepository leads();

    AccountRepository accounts();

    ContactRepository contacts();

    PurchaseRepository purchases();

    FeedbackRepository feedback();

    CampaignRepository campaigns();

    AdRepository ads();

    AffiliateRepository affiliates();

    TouchpointRepository touchpoints();

    // --- sales ---
    OpportunityRepository opportunities();

    ProductRepository products();

    PriceBookRepository priceBooks();

    QuoteRepository quotes();

    OrderRepository orders();

    AccountTeamRepository accountTeams();
    // --- end sales ---

    /** Named per-tenant counters (tracking numbers, round-robin positions); writes need a write transaction. */
    Sequences sequences();

    // ---- tasks and calendar
    TaskRepository tasks();

    TeamRepository teams();

    CalendarEventRepository calendarEvents();

    // ---- segmentation
    SegmentRepository segments();

    /** Evaluates segment criteria in the storage (SQL for database adapters). */
    SegmentQueries segmentQueries();
    // service: cases, service contracts, knowledge base, product information
    CaseRepository cases();

    ServiceContractRepository serviceContracts();

    ArticleRepository articles();

    ProductInfoRepository productInfo();

    // ---- webhooks
    /** The tenant's webhook endpoints and what each event became at each of them. */
    WebhookRepository webhooks();

    // ---- events
    /** Where the write's events are stored for durable subscribers, in this same transaction. */
    OutboxWriter outbox();

    /**
     * Runs {@code action} once this transaction committed: right after the storage's own commit, or, when the work
     * joined a host transaction, after the host committed. Never runs when it rolls back. Nested calls that join
     * this transaction register with it. A failing action is logged; the data is committed either way.
     */
    void afterCommit(Runnable action);
}
