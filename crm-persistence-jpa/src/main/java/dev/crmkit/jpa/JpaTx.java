package dev.crmkit.jpa;

import dev.crmkit.core.audit.AuditRepository;
import dev.crmkit.core.automation.AutomationRepository;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.consent.ConsentRepository;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.customer.ContactRepository;
import dev.crmkit.core.customer.FeedbackRepository;
import dev.crmkit.core.customer.PurchaseRepository;
import dev.crmkit.core.document.DocumentRepository;
import dev.crmkit.core.email.EmailRecipientRepository;
import dev.crmkit.core.email.EmailTemplateRepository;
import dev.crmkit.core.email.SentEmailRepository;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.lead.MatchCandidates;
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
import dev.crmkit.core.sharing.ShareRepository;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * One database transaction for one tenant. Aggregates are immutable records, so a stateless session fits: no
 * persistence context to keep in sync, and every save is its statement, run at once (a stale version or a duplicate
 * key fails the {@code save} call itself, as in memory).
 */
final class JpaTx implements StorageTx {
    private final StatelessSession session;
    private final TenantId tenant;
    private final boolean readOnly;
    private final Database database;
    private boolean open = true;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final BulkStatistics statistics;

    JpaTx(StatelessSession session, TenantId tenant, boolean readOnly, Database database, BulkStatistics statistics) {
        this.session = session;
        this.tenant = tenant;
        this.readOnly = readOnly;
        this.database = database;
        this.statistics = statistics;
    }

    /** The storage's record of bulk imports, to keep the planner's statistics current. */
    BulkStatistics statistics() {
        return statistics;
    }

    Database database() {
        return database;
    }

    /** The session, for reading. */
    StatelessSession session() {
        if (!open) {
            throw new IllegalStateException("transaction already finished; repositories are valid only inside it");
        }
        return session;
    }

    /** The session, for writing; fails in read-only or finished transactions. */
    StatelessSession sessionForWrite() {
        StatelessSession s = session();
        if (readOnly) {
            throw new IllegalStateException("cannot write in a read-only transaction");
        }
        return s;
    }

    /** Sends the statements queued in the JDBC batch, so their failures surface at the call that queued them. */
    void flush() {
        ((SharedSessionContractImplementor) session).getJdbcCoordinator().executeBatch();
    }

    boolean readOnly() {
        return readOnly;
    }

    String tenantId() {
        return tenant.value();
    }

    TenantKey key(UUID id) {
        return new TenantKey(tenant.value(), id);
    }

    void close() {
        open = false;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public LeadRepository leads() {
        return new JpaLeadRepository(this);
    }

    /** Both match-key tables in one statement, then the chosen leads and (if any) contacts by id. */
    @Override
    public MatchCandidates matchCandidates(Collection<String> keys) {
        Map<String, List<UUID>> leadBlocks = new HashMap<>();
        Map<String, List<UUID>> contactBlocks = new HashMap<>();
        KeyTables.peopleOwnersByKey(this, keys, leadBlocks, contactBlocks);
        return new MatchCandidates(new JpaLeadRepository(this).candidates(BlockingKeys.candidates(leadBlocks.values())),
                new JpaContactRepository(this).candidates(BlockingKeys.candidates(contactBlocks.values())));
    }

    @Override
    public AccountRepository accounts() {
        return new JpaAccountRepository(this);
    }

    @Override
    public ContactRepository contacts() {
        return new JpaContactRepository(this);
    }

    @Override
    public PurchaseRepository purchases() {
        return new JpaPurchaseRepository(this);
    }

    @Override
    public FeedbackRepository feedback() {
        return new JpaFeedbackRepository(this);
    }

    @Override
    public CampaignRepository campaigns() {
        return new JpaCampaignRepository(this);
    }

    @Override
    public AdRepository ads() {
        return new JpaAdRepository(this);
    }

    @Override
    public AffiliateRepository affiliates() {
        return new JpaAffiliateRepository(this);
    }

    @Override
    public TouchpointRepository touchpoints() {
        return new JpaTouchpointRepository(this);
    }

    @Override
    public OpportunityRepository opportunities() {
        return new JpaOpportunityRepository(this);
    }

    @Override
    public ProductRepository products() {
        return new JpaProductRepository(this);
    }

    @Override
    public PriceBookRepository priceBooks() {
        return new JpaPriceBookRepository(this);
    }

    @Override
    public QuoteRepository quotes() {
        return new JpaQuoteRepository(this);
    }

    @Override
    public OrderRepository orders() {
        return new JpaOrderRepository(this);
    }

    @Override
    public AccountTeamRepository accountTeams() {
        return new JpaAccountTeamRepository(this);
    }

    @Override
    public Sequences sequences() {
        return new JpaSequences(this);
    }

    @Override
    public CaseRepository cases() {
        return new JpaCaseRepository(this);
    }

    @Override
    public ServiceContractRepository serviceContracts() {
        return new JpaServiceContractRepository(this);
    }

    @Override
    public ArticleRepository articles() {
        return new JpaArticleRepository(this);
    }

    @Override
    public ProductInfoRepository productInfo() {
        return new JpaProductInfoRepository(this);
    }

    @Override
    public TaskRepository tasks() {
        return new JpaTaskRepository(this);
    }

    @Override
    public TeamRepository teams() {
        return new JpaTeamRepository(this);
    }

    @Override
    public CalendarEventRepository calendarEvents() {
        return new JpaCalendarEventRepository(this);
    }

    @Override
    public SegmentRepository segments() {
        return new JpaSegmentRepository(this);
    }

    @Override
    public SegmentQueries segmentQueries() {
        return new JpaSegmentQueries(this);
    }

    @Override
    public WebhookRepository webhooks() {
        return new JpaWebhookRepository(this);
    }

    @Override
    public SequenceRepository nurtureSequences() {
        return new JpaNurtureRepositories.Sequences(this);
    }

    @Override
    public EnrollmentRepository enrollments() {
        return new JpaNurtureRepositories.Enrollments(this);
    }

    @Override
    public AutomationRepository automation() {
        return new JpaAutomationRepository(this);
    }

    @Override
    public EmailTemplateRepository emailTemplates() {
        return new JpaEmailRepositories.Templates(this);
    }

    @Override
    public EmailRecipientRepository emailRecipients() {
        return new JpaEmailRepositories.Recipients(this);
    }

    @Override
    public SentEmailRepository sentEmails() {
        return new JpaEmailRepositories.Sent(this);
    }

    @Override
    public DocumentRepository documents() {
        return new JpaDocumentRepository(this);
    }

    @Override
    public ConsentRepository consents() {
        return new JpaConsentRepository(this);
    }

    @Override
    public AuditRepository audit() {
        return new JpaAuditRepository(this);
    }

    @Override
    public ImportRepository imports() {
        return new JpaImportRepository(this);
    }

    @Override
    public ShareRepository shares() {
        return new JpaShareRepository(this);
    }

    @Override
    public ErasureRepository erasure() {
        return new JpaErasure(this);
    }

    @Override
    public OutboxWriter outbox() {
        return this::appendOutbox;
    }

    /** One JDBC batch on the transaction's connection, out of Hibernate's sight (the rows are not entities). */
    private void appendOutbox(List<OutboxEntry> entries) {
        sessionForWrite();
        Instant due = Instant.EPOCH; // due at once, whatever the nodes' clocks say
        SQLException failure = session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(JpaOutbox.INSERT)) {
                for (OutboxEntry e : entries) {
                    JpaOutbox.bindInsert(s, e, due, database);
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        if (failure != null) {
            throw new StorageException("cannot store events in the outbox: " + failure.getMessage(), failure);
        }
    }

    /**
     * Runs {@code work} on the transaction's connection, as a write; a SQL failure becomes the storage's exception
     * ({@link Errors#translate}), as for Hibernate's own statements.
     */
    void jdbcWrite(JdbcWork work) {
        jdbc(sessionForWrite(), work);
    }

    /** Runs {@code work} on this transaction's connection to read. */
    void jdbcRead(JdbcWork work) {
        jdbc(session(), work);
    }

    private static void jdbc(StatelessSession session, JdbcWork work) {
        SQLException failure = session.doReturningWork(c -> {
            try {
                work.run(c);
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        if (failure != null) {
            throw Errors.translate(failure);
        }
    }

    /** Statements on a JDBC connection. */
    @FunctionalInterface
    interface JdbcWork {
        void run(Connection c) throws SQLException;
    }

    @Override
    public void afterCommit(Runnable action) {
        sessionForWrite();
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
