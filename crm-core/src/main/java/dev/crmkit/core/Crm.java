package dev.crmkit.core;

import dev.crmkit.core.audit.AuditService;
import dev.crmkit.core.audit.AuditSettings;
import dev.crmkit.core.audit.AuditTrail;
import dev.crmkit.core.automation.AutomationService;
import dev.crmkit.core.automation.AutomationSettings;
import dev.crmkit.core.automation.AutomationSubscriber;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.context.EventBus;
import dev.crmkit.core.context.WriteDecorator;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.document.DocumentService;
import dev.crmkit.core.document.DocumentSettings;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.email.EmailSender;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.events.EventTypes;
import dev.crmkit.core.internal.Internal;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.DuplicateRules;
import dev.crmkit.core.lead.DuplicateService;
import dev.crmkit.core.lead.LeadEvent.LeadStatusChanged;
import dev.crmkit.core.lead.LeadEvent.LeadsMerged;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.ScoringRules;
import dev.crmkit.core.lead.TenantDuplicateRules;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.nurture.ExitReason;
import dev.crmkit.core.nurture.SequenceService;
import dev.crmkit.core.privacy.ConsentService;
import dev.crmkit.core.privacy.PersonalDataService;
import dev.crmkit.core.sales.AccountTeamService;
import dev.crmkit.core.sales.ForecastService;
import dev.crmkit.core.sales.OpportunityService;
import dev.crmkit.core.sales.OrderService;
import dev.crmkit.core.sales.ProductService;
import dev.crmkit.core.sales.QuotePolicy;
import dev.crmkit.core.sales.QuoteSender;
import dev.crmkit.core.sales.QuoteService;
import dev.crmkit.core.sales.SalesStages;
import dev.crmkit.core.segment.SegmentService;
import dev.crmkit.core.service.AgentViewService;
import dev.crmkit.core.service.CaseService;
import dev.crmkit.core.service.KnowledgeService;
import dev.crmkit.core.service.ProductInfoService;
import dev.crmkit.core.service.ServiceContractService;
import dev.crmkit.core.service.ServiceSettings;
import dev.crmkit.core.sharing.SharingService;
import dev.crmkit.core.sharing.SharingSettings;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.task.AlertSubscriber;
import dev.crmkit.core.task.CalendarService;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.task.TaskService;
import dev.crmkit.core.task.TeamService;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import dev.crmkit.core.tracking.TrackingService;
import dev.crmkit.core.transfer.ExportService;
import dev.crmkit.core.transfer.ImportService;
import dev.crmkit.core.transfer.ImportSettings;
import dev.crmkit.core.webhook.WebhookService;
import dev.crmkit.core.webhook.WebhookSettings;
import dev.crmkit.core.webhook.WebhookSubscriber;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one service per capability, all acting for one {@link Actor}. Thread-safe; build one per
 * application and derive per-user views with {@link #as(Actor)}.
 *
 * <pre>{@code
 * Crm crm = Crm.inMemory();
 * LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
 * }</pre>
 */
public final class Crm implements AutoCloseable {
    static {
        // CRMKit's other modules (reporting) build services on the context without it being public API.
        Internal.grant(crm -> ((Crm) crm).ctx);
    }

    private final CrmContext<StorageTx> ctx;
    private final Storage storage;
    private final EventBus events;
    private final WebhookSubscriber webhookSubscriber;
    private final AutomationSubscriber automationSubscriber;
    /** Whether this is the facade {@link Builder#build()} made, which owns the storage; views made by {@link #as} do not. */
    private final boolean owner;

    private final LeadService leads;
    private final DuplicateService duplicates;
    private final TrackingService tracking;
    private final AccountService accounts;
    private final ContactService contacts;
    private final CustomerService customers;
    // sales
    private final AccountTeamService accountTeams;
    private final OpportunityService opportunities;
    private final ForecastService forecasts;
    private final ProductService products;
    private final QuoteService quotes;
    private final OrderService orders;
    private final TaskService tasks;
    private final TeamService teams;
    private final CalendarService calendar;
    private final SegmentService segments;
    private final CaseService cases;
    private final ServiceContractService serviceContracts;
    private final KnowledgeService knowledge;
    private final ProductInfoService productInfo;
    private final AgentViewService agentView;
    private final WebhookService webhooks;
    private final AutomationService automation;
    private final EmailService email;
    private final SequenceService sequences;
    private final DocumentService documents;
    private final PersonalDataService personalData;
    private final SharingService sharing;
    private final ImportService imports;
    private final ExportService exports;
    private final AuditService audit;
    private final ConsentService consent;

    private Crm(CrmContext<StorageTx> ctx, Storage storage, WebhookSubscriber webhookSubscriber,
                AutomationSubscriber automationSubscriber, boolean owner) {
        this.owner = owner;
        this.ctx = ctx;
        this.storage = storage;
        this.events = ctx.events();
        this.webhookSubscriber = webhookSubscriber;
        this.leads = new LeadService(ctx);
        this.duplicates = new DuplicateService(ctx);
        this.tracking = new TrackingService(ctx);
        this.accounts = new AccountService(ctx);
        this.contacts = new ContactService(ctx);
        this.customers = new CustomerService(ctx);
        // sales
        this.accountTeams = new AccountTeamService(ctx);
        this.opportunities = new OpportunityService(ctx);
        this.forecasts = new ForecastService(ctx);
        this.products = new ProductService(ctx);
        this.quotes = new QuoteService(ctx);
        this.orders = new OrderService(ctx);
        this.tasks = new TaskService(ctx);
        this.teams = new TeamService(ctx);
        this.calendar = new CalendarService(ctx);
        this.segments = new SegmentService(ctx);
        this.cases = new CaseService(ctx);
        this.serviceContracts = new ServiceContractService(ctx);
        this.knowledge = new KnowledgeService(ctx);
        this.productInfo = new ProductInfoService(ctx);
        this.agentView = new AgentViewService(ctx);
        this.webhooks = new WebhookService(ctx, webhookSubscriber);
        this.automationSubscriber = automationSubscriber;
        this.email = new EmailService(ctx);
        this.sequences = new SequenceService(ctx);
        this.automation = new AutomationService(ctx, automationSubscriber, sequences);
        DocumentStore documentStore = ctx.setting(DocumentStore.class, storage::documentStore);
        this.documents = new DocumentService(ctx, documentStore);
        this.personalData = new PersonalDataService(ctx, documentStore);
        this.sharing = new SharingService(ctx);
        this.imports = new ImportService(ctx);
        this.exports = new ExportService(ctx);
        this.audit = new AuditService(ctx);
        this.consent = new ConsentService(ctx, email);
    }

    /** An in-memory CRM for the default actor: the one-line start for demos and tests. */
    public static Crm inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same CRM (storage, clock, settings, listeners) acting for {@code actor}. */
    public Crm as(Actor actor) {
        return new Crm(ctx.as(Objects.requireNonNull(actor, "actor")), storage, webhookSubscriber,
                automationSubscriber, false);
    }

    public Actor actor() {
        return ctx.actor();
    }

    public LeadService leads() {
        return leads;
    }

    /** Duplicate contacts and accounts (leads are flagged on capture). */
    public DuplicateService duplicates() {
        return duplicates;
    }

    public TrackingService tracking() {
        return tracking;
    }

    public AccountService accounts() {
        return accounts;
    }

    public ContactService contacts() {
        return contacts;
    }

    /** Purchases, feedback and interaction timelines. */
    public CustomerService customers() {
        return customers;
    }

    // --- sales ---

    /** Account teams, the accounts a rep works, and account overviews. */
    public AccountTeamService accountTeams() {
        return accountTeams;
    }

    public OpportunityService opportunities() {
        return opportunities;
    }

    /** Weighted pipeline and totals by forecast category per owner, team and period. */
    public ForecastService forecasts() {
        return forecasts;
    }

    /** Products and price books. */
    public ProductService products() {
        return products;
    }

    public QuoteService quotes() {
        return quotes;
    }

    public OrderService orders() {
        return orders;
    }
    // --- end sales ---

    /** Tasks, follow-ups and reminders. */
    public TaskService tasks() {
        return tasks;
    }

    /** Teams of reps under a manager: who may assign tasks to whom. */
    public TeamService teams() {
        return teams;
    }

    /** Meetings, calls and visits. */
    public CalendarService calendar() {
        return calendar;
    }

    /** Saved segments of leads, contacts or accounts: criteria, members and counts. */
    public SegmentService segments() {
        return segments;
    }

    /** Service cases: tracking numbers, SLA targets, status, comments, escalation, satisfaction. */
    public CaseService cases() {
        return cases;
    }

    /** Service contracts and entitlements of accounts. */
    public ServiceContractService serviceContracts() {
        return serviceContracts;
    }

    /** Knowledge base articles and their search. */
    public KnowledgeService knowledge() {
        return knowledge;
    }

    /** Product specifications and documents for agents. */
    public ProductInfoService productInfo() {
        return productInfo;
    }

    /** The agent's customer view from a phone number, email address or tracking number. */
    public AgentViewService agentView() {
        return agentView;
    }

    /**
     * Runs {@code work}, calls to this facade's services, in one write transaction of its actor's tenant: their
     * changes commit together or, when {@code work} throws, not at all; events are published after the commit, none
     * after a rollback. A change computed from a record read inside {@code work} is still checked against the
     * version read, so a concurrent writer's change is never overwritten.
     */
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return ctx.write(tx -> work.get());
    }

    /** Domain events of committed writes: in-process listeners, durable subscribers, dispatch and dead letters. */
    public EventBus events() {
        return events;
    }

    /**
     * Outbound webhooks: the tenant's endpoints that committed events are POSTed to, signed, by the durable
     * subscriber {@link WebhookSubscriber#NAME} every CRM registers (ADMIN role).
     */
    public WebhookService webhooks() {
        return webhooks;
    }

    /**
     * Workflow rules: tasks, alerts, owners and tags set automatically when events happen to records, run off
     * committed events by the durable subscriber {@link AutomationSubscriber#NAME} every CRM registers.
     */
    public AutomationService automation() {
        return automation;
    }

    /**
     * Email: templates, consent (double opt-in, unsubscribe links, suppression list, consent log) and sending through
     * the {@code EmailSender} and {@code EmailSettings} given to the builder.
     */
    public EmailService email() {
        return email;
    }

    /**
     * Nurture sequences: series of emails, waits, engagement branches and tasks each enrolled lead walks, run from
     * the host's schedule ({@code automation().runDue()}).
     */
    public SequenceService sequences() {
        return sequences;
    }

    /**
     * Files attached to accounts, contacts, opportunities, quotes and cases, their bytes in the storage's
     * {@link DocumentStore} (the database on the JPA storage) unless the builder was given another.
     */
    public DocumentService documents() {
        return documents;
    }

    /** Sharing records with users beyond their owner and team hierarchy (leads, for now). */
    public SharingService sharing() {
        return sharing;
    }

    /** Data-subject rights (ADMIN): a person's data exported as one JSON document, erasure, retention rules. */
    public PersonalDataService personalData() {
        return personalData;
    }

    /**
     * Bulk import of leads, contacts and accounts from CSV and vCard files: column mapping, dry run, dedupe policy,
     * progress, a per-row summary; re-running a file creates nothing new.
     */
    public ImportService imports() {
        return imports;
    }

    /** CSV exports of leads, contacts and accounts (safe to open in a spreadsheet) and direct-mail lists. */
    public ExportService exports() {
        return exports;
    }

    /** Consent per person and purpose, with its lawful basis, source, proof and history. */
    public ConsentService consent() {
        return consent;
    }

    /** The audit trail: each record's writes and each actor's, field by field (ADMIN). */
    public AuditService audit() {
        return audit;
    }

    /**
     * Scores follow engagement: touchpoints recorded for leads rescore them, after the recording committed. A kind
     * that scores no points (an email sent, by default) cannot change a score: no rescore for it, which spares each
     * nurture email a transaction.
     */
    private void rescoreTouchedLeads(TouchpointsRecorded e) {
        Map<TouchpointKind, Integer> points = ctx.setting(ScoringRules.class, ScoringRules::defaults)
                .touchpointPoints();
        Set<LeadId> touched = new LinkedHashSet<>();
        e.touchpoints().forEach(t -> {
            if (t.lead() != null && points.getOrDefault(t.kind(), 0) != 0) {
                touched.add(t.lead());
            }
        });
        if (!touched.isEmpty()) {
            as(new Actor(e.tenant(), UserId.SYSTEM, Set.of(Actor.MANAGER, Actor.ADMIN))).leads().rescore(touched);
        }
    }

    /** A lead that converted or was disqualified leaves its nurture sequences at once, after the change committed. */
    private void endNurtureOnExit(LeadStatusChanged e) {
        if (e.to() == LeadStatus.CONVERTED) {
            endNurture(e.tenant(), e.lead().id(), ExitReason.CONVERTED);
        } else if (e.to() == LeadStatus.UNQUALIFIED) {
            endNurture(e.tenant(), e.lead().id(), ExitReason.DISQUALIFIED);
        }
    }

    private void endNurture(TenantId tenant, LeadId lead, ExitReason reason) {
        as(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.MANAGER, Actor.ADMIN))).sequences().endFor(lead, reason);
    }

    /**
     * On the facade {@link Builder#build()} returned: stops the built-in event dispatchers, then closes the storage.
     * On a view made by {@link #as}: nothing, since the view shares both with the facade (closing a user's view must
     * not close the storage under everyone else).
     */
    @Override
    public void close() {
        if (owner) {
            ctx.stopDispatchers();
            storage.close();
        }
    }

    /** Configures a {@link Crm}; every part has an embedded default. */
    public static final class Builder {
        private @Nullable Storage storage;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator ids;
        private Actor actor = Actor.system();
        private final Map<Class<?>, Object> settings = new HashMap<>();
        /** What {@link #with} accepts: the settings and host ports some service reads. */
        private static final List<Class<?>> SETTINGS = List.of(AssignmentRules.class, AuditSettings.class,
                AutomationSettings.class,
                DeliveryPolicy.class, DocumentSettings.class, DocumentStore.class, DuplicateRules.class,
                EmailSender.class, EmailSettings.class, Geocoder.class, ImportSettings.class, PhoneRegions.class,
                Notifier.class,
                QuotePolicy.class, QuoteSender.class,
                SalesStages.class, ScoringRules.class, ServiceSettings.class, SharingSettings.class,
                TenantDuplicateRules.class, WebhookSettings.class);

        private Builder() {
        }

        /** Where data lives; default {@link InMemoryStorage}. */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** The source of "now" for timestamps, reminders and score decay; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where new ids come from; default time-ordered UUIDs from the clock. */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Who the built facade acts for; default {@link Actor#system()}. */
        public Builder actor(Actor actor) {
            this.actor = Objects.requireNonNull(actor, "actor");
            return this;
        }

        /**
         * A configuration object (e.g. scoring rules) or a host port (e.g. a {@code QuoteSender}), found by its class
         * or, for a port, by the interface it implements; replaces one of the same class.
         */
        public Builder with(Object setting) {
            Objects.requireNonNull(setting, "setting");
            if (SETTINGS.stream().noneMatch(type -> type.isInstance(setting))) {
                throw new IllegalArgumentException(setting.getClass().getName() + " is not a CRMKit setting; known: "
                        + SETTINGS.stream().map(Class::getSimpleName).sorted().toList());
            }
            settings.put(setting.getClass(), setting);
            return this;
        }

        public Crm build() {
            Storage s = storage != null ? storage : InMemoryStorage.create();
            IdGenerator g = ids != null ? ids : IdGenerator.timeOrdered(clock);
            AuditSettings audit = (AuditSettings) settings.getOrDefault(AuditSettings.class, AuditSettings.defaults());
            CrmContext<StorageTx> ctx = CrmContext.create(s, actor, clock, g, settings, EventTypes::find,
                    audit.recorded() ? new AuditTrail(clock) : WriteDecorator.NONE);
            WebhookSubscriber webhooks = new WebhookSubscriber(s, clock,
                    ctx.setting(WebhookSettings.class, WebhookSettings::defaults));
            ctx.events().register(webhooks);
            AutomationSubscriber automation = new AutomationSubscriber(ctx,
                    ctx.setting(AutomationSettings.class, AutomationSettings::defaults));
            ctx.events().register(automation);
            Notifier notifier = ctx.setting(Notifier.class, () -> null);
            if (notifier != null) {
                ctx.events().register(new AlertSubscriber(notifier));
            }
            Crm crm = new Crm(ctx, s, webhooks, automation, true);
            ctx.events().subscribe(TouchpointsRecorded.class, crm::rescoreTouchedLeads);
            ctx.events().subscribe(LeadStatusChanged.class, crm::endNurtureOnExit);
            ctx.events().subscribe(LeadsMerged.class, e -> crm.endNurture(e.tenant(), e.merged().id(),
                    ExitReason.MERGED));
            return crm;
        }
    }
}
