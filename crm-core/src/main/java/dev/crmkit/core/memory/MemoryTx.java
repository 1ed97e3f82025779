package dev.crmkit.core.memory;

import dev.crmkit.core.audit.AuditRepository;
import dev.crmkit.core.automation.AutomationRepository;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.consent.ConsentRepository;
import dev.crmkit.core.customer.FeedbackRepository;
import dev.crmkit.core.customer.PurchaseRepository;
import dev.crmkit.core.document.DocumentRepository;
import dev.crmkit.core.email.EmailRecipientRepository;
import dev.crmkit.core.email.EmailTemplateRepository;
import dev.crmkit.core.email.SentEmailRepository;
import dev.crmkit.core.nurture.EnrollmentRepository;
import dev.crmkit.core.nurture.SequenceRepository;
import dev.crmkit.core.privacy.ErasureRepository;
import dev.crmkit.core.sales.AccountTeamRepository;
import dev.crmkit.core.sales.OpportunityRepository;
import dev.crmkit.core.sales.OrderRepository;
import dev.crmkit.core.sales.PriceBookRepository;
import dev.crmkit.core.sales.ProductRepository;
import dev.crmkit.core.sales.QuoteRepository;
import dev.crmkit.core.segment.SegmentQueries;
import dev.crmkit.core.segment.SegmentRepository;
import dev.crmkit.core.service.ArticleRepository;
import dev.crmkit.core.service.CaseRepository;
import dev.crmkit.core.service.ProductInfoRepository;
import dev.crmkit.core.service.ServiceContractRepository;
import dev.crmkit.core.spi.OutboxEntry;
import dev.crmkit.core.spi.OutboxWriter;
import dev.crmkit.core.spi.Sequences;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.CalendarEventRepository;
import dev.crmkit.core.task.TaskRepository;
import dev.crmkit.core.task.TeamRepository;
import dev.crmkit.core.tracking.AdRepository;
import dev.crmkit.core.tracking.AffiliateRepository;
import dev.crmkit.core.tracking.CampaignRepository;
import dev.crmkit.core.tracking.TouchpointRepository;
import dev.crmkit.core.transfer.ImportRepository;
import dev.crmkit.core.webhook.WebhookRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A transaction over one tenant's tables; {@code undo} is null for read-only transactions. */
final class MemoryTx implements StorageTx {
    private final TenantTables tables;
    private final @Nullable UndoLog undo;
    private boolean open = true;
    private final List<OutboxEntry> staged = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Consumer<MemoryOutbox>> outboxErasures = new ArrayList<>();

    MemoryTx(TenantTables tables, @Nullable UndoLog undo) {
        this.tables = tables;
        this.undo = undo;
    }

    /** The undo log to record a change in; fails for read-only or finished transactions. */
    UndoLog undoForWrite() {
        checkOpen();
        if (undo == null) {
            throw new IllegalStateException("cannot write in a read-only transaction");
        }
        return undo;
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("transaction already finished; repositories are valid only inside it");
        }
    }

    void close() {
        open = false;
    }

    @Override
    public TenantId tenant() {
        return tables.tenant;
    }

    @Override
    public MemoryLeadRepository leads() {
        return new MemoryLeadRepository(tables.leads, this);
    }

    @Override
    public MemoryAccountRepository accounts() {
        return new MemoryAccountRepository(tables.accounts, this);
    }

    @Override
    public MemoryContactRepository contacts() {
        return new MemoryContactRepository(tables.contacts, this);
    }

    @Override
    public PurchaseRepository purchases() {
        return new MemoryPurchaseRepository(tables.purchases, this);
    }

    @Override
    public FeedbackRepository feedback() {
        return new MemoryFeedbackRepository(tables.feedback, this);
    }

    @Override
    public CampaignRepository campaigns() {
        return new MemoryCampaignRepository(tables.campaigns, this);
    }

    @Override
    public AdRepository ads() {
        return new MemoryAdRepository(tables.ads, this);
    }

    @Override
    public AffiliateRepository affiliates() {
        return new MemoryAffiliateRepository(tables.affiliates, this);
    }

    @Override
    public TouchpointRepository touchpoints() {
        return new MemoryTouchpointRepository(tables.touchpoints, tables.touchpointTotals, this);
    }

    // --- sales ---
    @Override
    public OpportunityRepository opportunities() {
        return new MemoryOpportunityRepository(tables.opportunities, this);
    }

    @Override
    public ProductRepository products() {
        return new MemoryProductRepository(tables.products, this);
    }

    @Override
    public PriceBookRepository priceBooks() {
        return new MemoryPriceBookRepository(tables.priceBooks, this);
    }

    @Override
    public QuoteRepository quotes() {
        return new MemoryQuoteRepository(tables.quotes, this);
    }

    @Override
    public OrderRepository orders() {
        return new MemoryOrderRepository(tables.orders, this);
    }

    @Override
    public AccountTeamRepository accountTeams() {
        return new MemoryAccountTeamRepository(tables.accountTeams, this);
    }
    // --- end sales ---

    @Override
    public Sequences sequences() {
        return new Sequences() {
            @Override
            public long next(String name) {
                UndoLog log = undoForWrite();
                long previous = tables.counters.getOrDefault(name, 0L);
                tables.counters.put(name, previous + 1);
                log.add(() -> {
                    if (previous == 0) {
                        tables.counters.remove(name);
                    } else {
                        tables.counters.put(name, previous);
                    }
                });
                return previous + 1;
            }

            @Override
            public long current(String name) {
                checkOpen();
                return tables.counters.getOrDefault(name, 0L);
            }
        };
    }

    // ---- tasks and calendar
    @Override
    public TaskRepository tasks() {
        return new MemoryTaskRepository(tables.tasks, this);
    }

    @Override
    public TeamRepository teams() {
        return new MemoryTeamRepository(tables.teams, this);
    }

    @Override
    public CalendarEventRepository calendarEvents() {
        return new MemoryCalendarEventRepository(tables.calendarEvents, this);
    }

    // ---- segmentation
    @Override
    public SegmentRepository segments() {
        return new MemorySegmentRepository(tables.segments, this);
    }

    @Override
    public SegmentQueries segmentQueries() {
        return new MemorySegmentQueries(tables, this);
    }

    // service: cases, service contracts, knowledge base, product information
    @Override
    public CaseRepository cases() {
        return new MemoryCaseRepository(tables.service, this);
    }

    @Override
    public ServiceContractRepository serviceContracts() {
        return new MemoryServiceContractRepository(tables.service.contracts, this);
    }

    @Override
    public ArticleRepository articles() {
        return new MemoryArticleRepository(tables.service, this);
    }

    @Override
    public ProductInfoRepository productInfo() {
        return new MemoryProductInfoRepository(tables.service.productInfo, this);
    }

    @Override
    public WebhookRepository webhooks() {
        return new MemoryWebhookRepository(tables.webhooks, this);
    }

    @Override
    public DocumentRepository documents() {
        return new MemoryDocumentRepository(tables.documents, this);
    }

    @Override
    public ConsentRepository consents() {
        return new MemoryConsentRepository(tables.consents, this);
    }

    @Override
    public AuditRepository audit() {
        return new MemoryAuditRepository(tables.audit, this);
    }

    @Override
    public ImportRepository imports() {
        return new MemoryImportRepository(tables.importedRows, tables.importMappings, this);
    }

    @Override
    public SequenceRepository nurtureSequences() {
        return new MemoryNurtureRepositories.Sequences(tables.nurture, this);
    }

    @Override
    public EnrollmentRepository enrollments() {
        return new MemoryNurtureRepositories.Enrollments(tables.nurture, this);
    }

    @Override
    public AutomationRepository automation() {
        return new MemoryAutomationRepository(tables.automation, this);
    }

    @Override
    public EmailTemplateRepository emailTemplates() {
        return new MemoryEmailRepositories.Templates(tables.email, this);
    }

    @Override
    public EmailRecipientRepository emailRecipients() {
        return new MemoryEmailRepositories.Recipients(tables.email, this);
    }

    @Override
    public SentEmailRepository sentEmails() {
        return new MemoryEmailRepositories.Sent(tables.email, this);
    }

    @Override
    public OutboxWriter outbox() {
        return entries -> {
            undoForWrite();
            staged.addAll(entries);
        };
    }

    @Override
    public void afterCommit(Runnable action) {
        undoForWrite();
        afterCommit.add(action);
    }

    @Override
    public MemoryShareRepository shares() {
        return new MemoryShareRepository(tables, this);
    }

    /** The tenant's tables, for repositories that read another's (a lead search reads the shares). */
    TenantTables tables() {
        return tables;
    }

    @Override
    public ErasureRepository erasure() {
        return new MemoryErasure(tables, this);
    }

    /** Runs {@code change} on the outbox as this write commits, before its own entries go in. */
    void onCommitOutbox(Consumer<MemoryOutbox> change) {
        undoForWrite();
        outboxErasures.add(change);
    }

    /** What this write changes in the outbox's stored entries (an erasure's). */
    List<Consumer<MemoryOutbox>> outboxErasures() {
        return outboxErasures;
    }

    /** Outbox entries of this write, handed to the outbox when it commits. */
    List<OutboxEntry> stagedOutbox() {
        return staged;
    }

    /** What to run once this write committed. */
    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
