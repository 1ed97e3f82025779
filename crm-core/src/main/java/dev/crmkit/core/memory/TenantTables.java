package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.memory.MemoryTable.IndexSpec;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.TeamMember;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentRepository;
import dev.crmkit.core.sharing.Share;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.transfer.ImportedRow;
import dev.crmkit.core.transfer.SavedMapping;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** All tables of one tenant, and the lock that guards them. */
final class TenantTables {
    final TenantId tenant;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The write transaction the lock holder runs; only touched by the thread holding the write lock. */
    @Nullable MemoryTx currentWrite;

    final MemoryTable<LeadId, Lead> leads = new MemoryTable<>("Lead", Lead::id, List.of(
            index("email", l -> one(l.reach().email() == null ? null : l.reach().email().value())),
            index("phone", l -> one(l.reach().phone() == null ? null : l.reach().phone().value())),
            index("visitor", Lead::visitorIds),
            index("mergedInto", l -> one(l.outcome().mergedInto())),
            index("blocking", (Lead l) -> BlockingKeys.of(l)),
            index("geo", l -> GeoCells.of(GeoSearch.of(l.reach().address())))));

    final MemoryTable<AccountId, Account> accounts = new MemoryTable<>("Account", Account::id, List.of(
            index("nameKey", a -> one(a.nameKey())),
            index("blocking", (Account a) -> BlockingKeys.of(a)),
            index("geo", a -> GeoCells.of(GeoSearch.of(a.address())))));

    final MemoryTable<ContactId, Contact> contacts = new MemoryTable<>("Contact", Contact::id, List.of(
            index("email", c -> one(c.points().email() == null ? null : c.points().email().value())),
            index("phone", c -> one(c.points().phone() == null ? null : c.points().phone().value())),
            index("nameKey", c -> one(c.nameKey())),
            index("account", c -> one(c.account())),
            index("blocking", (Contact c) -> BlockingKeys.of(c)),
            index("geo", c -> GeoCells.of(GeoSearch.of(c.points().address())))));

    final MemoryTable<PurchaseId, Purchase> purchases = new MemoryTable<>("Purchase", Purchase::id, List.of(
            index("account", p -> one(p.account())),
            index("contact", p -> one(p.contact()))));

    final MemoryTable<FeedbackId, Feedback> feedback = new MemoryTable<>("Feedback", Feedback::id, List.of(
            index("account", f -> one(f.account())),
            index("contact", f -> one(f.contact()))));

    final MemoryTable<CampaignId, Campaign> campaigns = new MemoryTable<>("Campaign", Campaign::id, List.of(
            index("targeted", c -> one(c.targetArea() == null ? null : Boolean.TRUE))));

    final MemoryTable<AdId, Ad> ads = new MemoryTable<>("Ad", Ad::id, List.of(
            new IndexSpec<>("trackingCode", a -> one(a.trackingCode()), true),
            index("campaign", a -> one(a.campaign()))));

    final MemoryTable<AffiliateId, AffiliateSite> affiliates = new MemoryTable<>("AffiliateSite",
            AffiliateSite::id, List.of(new IndexSpec<>("trackingCode", a -> one(a.trackingCode()), true)));

    final TouchpointColumns touchpoints = new TouchpointColumns();
    final MemoryDayTotals touchpointTotals = new MemoryDayTotals();

    // --- sales ---
    final MemoryTable<OpportunityId, Opportunity> opportunities = new MemoryTable<>("Opportunity",
            Opportunity::id, List.of(
            index("account", o -> one(o.account())),
            index("owner", o -> one(o.owner())),
            index("closeMonth", o -> one(YearMonth.from(o.closeDate())))));

    final MemoryTable<ProductId, Product> products = new MemoryTable<>("Product", Product::id, List.of(
            new IndexSpec<>("code", p -> one(p.code()), true)));

    final MemoryTable<PriceBookId, PriceBook> priceBooks = new MemoryTable<>("PriceBook", PriceBook::id, List.of(
            new IndexSpec<>("currency", b -> one(b.currency()), true)));

    final MemoryTable<QuoteId, Quote> quotes = new MemoryTable<>("Quote", Quote::id, List.of(
            new IndexSpec<>("number", q -> one(q.number()), true),
            index("opportunity", q -> one(q.opportunity()))));

    final MemoryTable<OrderId, Order> orders = new MemoryTable<>("Order", Order::id, List.of(
            new IndexSpec<>("number", o -> one(o.number()), true),
            index("account", o -> one(o.account()))));

    final MemoryTable<AccountId, AccountTeam> accountTeams = new MemoryTable<>("AccountTeam", AccountTeam::id,
            List.of(index("member", t -> t.members().stream().map(TeamMember::user).toList())));
    // --- end sales ---
    // ---- tasks and calendar
    /** Key of the single entry of index {@code pendingReminder}: all open tasks whose reminder has not fired. */
    static final String PENDING = "pending";

    final MemoryTable<TaskId, Task> tasks = new MemoryTable<>("Task", Task::id, List.of(
            index("openAssignee", t -> one(t.status() == TaskStatus.OPEN ? t.assignee() : null)),
            index("subject", t -> one(t.subject())),
            index("pendingReminder", t -> one(t.reminderPending() ? PENDING : null)),
            index("pendingOverdue", t -> one(t.overduePending() ? PENDING : null))));

    final MemoryTable<TeamId, Team> teams = new MemoryTable<>("Team", Team::id, List.of(
            index("manager", t -> one(t.manager())),
            index("member", Team::members)));

    final MemoryTable<CalendarEventId, CalendarEvent> calendarEvents = new MemoryTable<>("CalendarEvent",
            CalendarEvent::id, List.of(
                    index("user", e -> {
                        List<Object> users = new ArrayList<>(e.attendees());
                        users.add(e.organizer());
                        return users;
                    }),
                    index("contact", CalendarEvent::contacts),
                    index("subject", e -> one(e.subject())),
                    index("pendingReminder", e -> one(e.reminderPending() ? PENDING : null))));

    // ---- segmentation
    final MemoryTable<SegmentId, Segment> segments = new MemoryTable<>("Segment", Segment::id, List.of(
            new IndexSpec<>("name", s -> one(SegmentRepository.nameKey(s.name())), true)));

    /** Named counters ({@code spi.Sequences}). */
    final Map<String, Long> counters = new HashMap<>();

    /** Service tracking: cases, contracts, knowledge base, product information. */
    final ServiceTables service = new ServiceTables();

    /** Webhook endpoints and their delivery records. */
    final WebhookTables webhooks = new WebhookTables();
    final Map<DocumentId, Document> documents = new HashMap<>();

    /** Rows imported before, by content hash, and saved column mappings by name. */
    final Map<String, ImportedRow> importedRows = new HashMap<>();
    final Map<String, SavedMapping> importMappings = new HashMap<>();

    /** Workflow rules, their runs, chains and delayed runs. */
    final AutomationTables automation = new AutomationTables();

    /** Email templates, recipients with their consent logs, sent emails. */
    final EmailTables email = new EmailTables();

    /** Consent per person and purpose. */
    final MemoryConsentRepository.ConsentTables consents = new MemoryConsentRepository.ConsentTables();

    /** Shares, by record, in the order they were made. */
    final Map<UUID, List<Share>> shares = new HashMap<>();

    /** The audit trail. */
    final MemoryAuditRepository.AuditTables audit = new MemoryAuditRepository.AuditTables();

    /** Nurture sequences and enrollments. */
    final NurtureTables nurture = new NurtureTables();

    TenantTables(TenantId tenant) {
        this.tenant = tenant;
    }

    static <T> IndexSpec<T> index(String name, Function<T, Collection<?>> keys) {
        return new IndexSpec<>(name, keys, false);
    }

    static List<Object> one(@Nullable Object key) {
        return key == null ? List.of() : List.of(key);
    }
}
