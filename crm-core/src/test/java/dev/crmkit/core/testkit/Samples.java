package dev.crmkit.core.testkit;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AgeBand;
import dev.crmkit.core.customer.CompanySize;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.lead.Attribution;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.FieldAgreement;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadHistoryEntry;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.MatchField;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.Approval;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.LineItem;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderStatus;
import dev.crmkit.core.sales.OrderStatusChange;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Pricing;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteAction;
import dev.crmkit.core.sales.QuoteChange;
import dev.crmkit.core.sales.QuoteStatus;
import dev.crmkit.core.sales.QuoteTerms;
import dev.crmkit.core.sales.StageChange;
import dev.crmkit.core.sales.TeamMember;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleRevision;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.BusinessHours;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseComment;
import dev.crmkit.core.service.CaseHistoryEntry;
import dev.crmkit.core.service.CaseKind;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.Closure;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.ProductDocument;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import dev.crmkit.core.service.Regarding;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceContractId;
import dev.crmkit.core.service.ServiceLevel;
import dev.crmkit.core.service.Targets;
import dev.crmkit.core.service.Triage;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskPriority;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Fully populated aggregates for storage round-trip tests: every field set, so an adapter that drops or mangles
 * one fails. Timestamps are truncated to microseconds, the precision every supported database keeps.
 */
public final class Samples {
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00.123456Z");

    private Samples() {
    }

    public static Instant at(long minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }

    public static Address address() {
        return new Address("1 Analytical St", "London", "England", "N1 9GU", "GB", new GeoPoint(51.5362, -0.1033));
    }

    public static Lead lead(LeadId id, String email) {
        return new Lead(id, 0, new Identity("Ada", "Lovelace", "Analytical Engines Ltd", "Countess",
                LocalDate.of(1815, 12, 10)),
                new Reach(EmailAddress.of(email), PhoneNumber.parse("+44 20 7946 0958", null), "020 7946 0959 ext. 2",
                        address()),
                new Origin(LeadSource.WEB_FORM, new Attribution(CampaignId.of(UUID.randomUUID()),
                        AdId.of(UUID.randomUUID()), AffiliateId.of(UUID.randomUUID()))),
                new Consent(true, false, true), LeadStatus.NEW, null, 42, false, UserId.of("rep-7"),
                List.of(new DuplicateMatch(DuplicateMatch.Kind.CONTACT, UUID.randomUUID(),
                        DuplicateMatch.Reason.EMAIL, 1.0), new DuplicateMatch(DuplicateMatch.Kind.LEAD,
                        UUID.randomUUID(), DuplicateMatch.Reason.PERSON, 0.999, 25.5,
                        DuplicateMatch.Certainty.ALMOST_CERTAIN, List.of(new FieldAgreement(MatchField.LAST_NAME,
                        FieldAgreement.Level.EXACT, 8.1), new FieldAgreement(MatchField.BIRTH_DATE,
                        FieldAgreement.Level.CLOSE, 5.6)))),
                Set.of("visitor-1", "visitor-2"), Set.of("vip", "q1"), Map.of("utm_source", "newsletter"), T0, at(1),
                List.of(new LeadHistoryEntry(T0, UserId.of("rep-7"), "CAPTURED", "from web form")));
    }

    public static Account account(AccountId id, String name) {
        return new Account(id, 0, name, "Software", CompanySize.MEDIUM, address(), "https://example.com",
                UserId.of("rep-7"), LifecycleStage.CUSTOMER, Set.of("strategic"), name.toLowerCase(), T0, at(2));
    }

    public static Contact contact(ContactId id, AccountId account, String email) {
        return new Contact(id, 0, account, new ContactName("Charles", "Babbage", "CTO"),
                new ContactPoints(EmailAddress.of(email), PhoneNumber.parse("+1 415 555 2671", null), address()),
                new Demographics(LocalDate.of(1971, 12, 26), AgeBand.AGE_45_54, Gender.MALE),
                Set.of("economic buyer", "champion"), true, LifecycleStage.CUSTOMER, UserId.of("rep-7"), Consent.ALL,
                LeadId.of(UUID.randomUUID()), Set.of("board"), T0, at(3));
    }

    public static Purchase purchase(PurchaseId id, AccountId account, ContactId contact) {
        return new Purchase(id, 0, account, contact, "ENG-1", "Difference Engine", at(10), 3,
                Money.of("1999.99", "EUR"), Set.of(UserId.of("rep-7"), UserId.of("rep-8")),
                "deliver to the back door", "ORD-42", at(11));
    }

    public static Feedback feedback(FeedbackId id, AccountId account, ContactId contact, PurchaseId purchase) {
        return new Feedback(id, 0, account, contact, purchase, 4, "Works, but loud", Channel.EMAIL, at(20));
    }

    public static Campaign campaign(CampaignId id) {
        return new Campaign(id, 0, "Spring launch", Channel.WEB, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
                Money.of("5000.00", "USD"), new GeoCircle(new GeoPoint(48.1372, 11.5755), 25.5), T0);
    }

    public static Ad ad(AdId id, CampaignId campaign, String trackingCode) {
        return new Ad(id, 0, campaign, "Banner A", trackingCode, "https://example.com/landing", T0);
    }

    public static AffiliateSite affiliate(AffiliateId id, String trackingCode) {
        return new AffiliateSite(id, 0, "Gadget Blog", "gadgets.example.org", trackingCode, T0);
    }

    public static Touchpoint click(TouchpointId id, String externalId, String visitor, Instant at) {
        return new Touchpoint(id, TouchpointKind.AD_CLICK, at, externalId, visitor, null, null, null,
                CampaignId.of(UUID.randomUUID()), AdId.of(UUID.randomUUID()), AffiliateId.of(UUID.randomUUID()),
                Channel.WEB, 1, null, null, null, "https://example.com/landing", null, null, null, null, null);
    }

    public static Touchpoint call(TouchpointId id, LeadId lead, Instant at) {
        return new Touchpoint(id, TouchpointKind.PHONE_CALL, at, null, null, lead, null, null, null, null, null,
                Channel.PHONE, 1, Money.of("10.00", "USD"), 360, "interested", "discussed pricing",
                null, null, UserId.of("rep-7"), TouchpointId.of(UUID.randomUUID()), TouchpointId.of(UUID.randomUUID()));
    }

    // --- sales ---

    public static Opportunity opportunity(OpportunityId id, AccountId account, ContactId contact, UserId owner) {
        return new Opportunity(id, 0, account, contact, "Engines for 2026", Money.of("120000.00", "EUR"),
                LocalDate.of(2026, 3, 31), owner, "Proposal", 50, ForecastCategory.BEST_CASE, OpportunityStatus.OPEN,
                null, LeadId.of(UUID.randomUUID()), List.of(
                        new StageChange("Prospecting", OpportunityStatus.OPEN, 10, ForecastCategory.PIPELINE, T0,
                                UserId.of("rep-7"), null),
                        new StageChange("Proposal", OpportunityStatus.OPEN, 50, ForecastCategory.BEST_CASE, at(5),
                                UserId.of("rep-8"), "demo went well")), T0, at(5));
    }

    public static Product product(ProductId id, String code) {
        return new Product(id, 0, code, "Difference Engine", "Tabulates polynomials <b>fast</b>", true, T0, at(1));
    }

    public static PriceBook priceBook(PriceBookId id, ProductId product, String currency) {
        return new PriceBook(id, 0, "List " + currency, Currency.getInstance(currency),
                Map.of(product, Money.of("1999.99", currency)), T0, at(2));
    }

    public static LineItem line(ProductId product) {
        return new LineItem(product, "ENG-1", "Difference Engine", 3, Money.of("1999.99", "EUR"),
                new BigDecimal("12.5"), "Engrave each unit:\r\n  \"Für Ada\" 名 \uD83D\uDE00");
    }

    public static Quote quote(QuoteId id, String number, OpportunityId opportunity, AccountId account,
                              ContactId contact, ProductId product) {
        return new Quote(id, 0, number, 2, opportunity, account, contact,
                new Pricing(Currency.getInstance("EUR"), new BigDecimal("19.00"), List.of(line(product))),
                new Approval(true, UserId.of("boss")), QuoteStatus.ACCEPTED,
                new QuoteTerms(LocalDate.of(2026, 2, 28), "Delivery within 6 weeks", "Back door\nRing twice"),
                OrderId.of(UUID.randomUUID()), List.of(
                        new QuoteChange(T0, UserId.of("rep-7"), QuoteAction.CREATED, QuoteStatus.DRAFT, 1,
                                "total 0.00 EUR", null),
                        new QuoteChange(at(3), UserId.of("rep-7"), QuoteAction.SENT, QuoteStatus.SENT, 2,
                                "to ada@example.com", "{\"number\":\"" + number + "\"}"),
                        new QuoteChange(at(3), UserId.of("rep-7"), QuoteAction.ACCEPTED, QuoteStatus.ACCEPTED, 2,
                                "order", null)),
                UserId.of("rep-7"), T0, at(3));
    }

    public static Order order(OrderId id, String number, QuoteId quote, OpportunityId opportunity,
                              AccountId account, ContactId contact, ProductId product) {
        return new Order(id, 0, number, quote, opportunity, account, contact, UserId.of("rep-7"),
                Currency.getInstance("EUR"), new BigDecimal("19.00"), List.of(line(product)), "Back door\nRing twice",
                OrderStatus.DELIVERED,
                List.of(new OrderStatusChange(OrderStatus.PLACED, T0, UserId.of("rep-7"), "from quote Q-1"),
                        new OrderStatusChange(OrderStatus.SHIPPED, at(3), UserId.of("rep-8"), "DHL 123"),
                        new OrderStatusChange(OrderStatus.DELIVERED, at(4), UserId.of("rep-8"), null)),
                List.of(PurchaseId.of(UUID.randomUUID())), T0, at(4));
    }

    public static AccountTeam accountTeam(AccountId account) {
        return new AccountTeam(account, 0, List.of(new TeamMember(UserId.of("rep-7"), "account executive", T0),
                new TeamMember(UserId.of("rep-8"), "sales engineer", at(1))), at(1));
    }
    // --- end sales ---
    // ---- tasks and calendar
    public static Task task(TaskId id, Subject subject) {
        return new Task(id, 0, "Call back", "asked about pricing", subject, TaskPriority.HIGH, TaskStatus.DONE,
                at(60), at(50), at(51), at(61), UserId.of("rep-7"), UserId.of("manager-1"),
                TaskId.of(UUID.randomUUID()), T0, at(52), at(53));
    }

    public static Team team(TeamId id) {
        return new Team(id, 0, "North", UserId.of("manager-1"), Set.of(UserId.of("rep-7"), UserId.of("rep-8")), T0,
                at(1));
    }

    public static CalendarEvent calendarEvent(CalendarEventId id, ContactId contact, Subject subject) {
        return new CalendarEvent(id, 0, CalendarEventKind.VISIT, "On-site demo", "Acme HQ, room 4", at(120), at(180),
                UserId.of("rep-7"), Set.of(UserId.of("rep-8"), UserId.of("manager-1")), Set.of(contact), subject, true,
                Duration.ofMinutes(15), at(100), T0, at(5));
    }

    // ---- segmentation
    /** A segment whose criteria use every node type and an operator of every arity. */
    public static Segment segment(SegmentId id, String name) {
        Criteria criteria = Criteria.and(Criteria.field("country").in("DE", "AT"),
                Criteria.not(Criteria.or(Criteria.field("tags").contains("churned"),
                        Criteria.field("lastActivity").lt(at(-600)))),
                Criteria.field("purchaseTotal").ge(Money.of("100.00", "EUR")), Criteria.field("owner").isSet());
        return new Segment(id, 0, name, SegmentTarget.CONTACT, criteria, UserId.of("rep-7"), T0, at(1));
    }

    // service: cases, service contracts, knowledge base, product information

    public static Case serviceCase(CaseId id, String trackingNumber, AccountId account, ContactId contact,
                                   ServiceContractId contract, ArticleId article) {
        UserId rep = UserId.of("rep-7");
        return new Case(id, 0, trackingNumber, new Regarding(account, contact, ProductId.of(UUID.randomUUID()),
                "ENG-1", OrderId.of(UUID.randomUUID())),
                new Triage(CaseKind.COMPLAINT, "billing", CasePriority.HIGH, Channel.PHONE),
                "Engine jams", "The mill jams on every third card", rep, CaseStatus.CLOSED,
                new Targets(contract, at(60), at(480), at(30)),
                new Closure("replaced the card reader", at(240), at(300)),
                Set.of(EscalationKind.FIRST_RESPONSE, EscalationKind.RESOLUTION), Set.of(article),
                FeedbackId.of(UUID.randomUUID()),
                List.of(new CaseComment(at(30), rep, "Looking into it", true),
                        new CaseComment(at(31), rep, "probably the reader", false)),
                List.of(new CaseHistoryEntry(T0, rep, "OPENED", "under contract Gold"),
                        new CaseHistoryEntry(at(300), rep, "STATUS", "RESOLVED -> CLOSED")),
                T0, at(300));
    }

    public static ServiceContract serviceContract(ServiceContractId id, AccountId account) {
        EnumMap<CasePriority, ServiceLevel> levels = new EnumMap<>(CasePriority.class);
        for (CasePriority p : CasePriority.values()) {
            levels.put(p, ServiceLevel.of(Duration.ofHours(8 - 2L * p.ordinal()), Duration.ofDays(5 - p.ordinal())));
        }
        return new ServiceContract(id, 0, account, "Gold", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Set.of(ProductId.of(UUID.randomUUID())), Set.of("ENG-1", "ENG-2"), levels,
                new BusinessHours(ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.of(17, 30),
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), Set.of(LocalDate.of(2026, 12, 25))),
                T0, at(1));
    }

    public static Article article(ArticleId id, String title, ArticleStatus status) {
        return new Article(id, 0, title, "Clean the card reader with a dry brush.", Set.of("cards", "jam"),
                Set.of("ENG-1"), status, 2,
                List.of(new ArticleRevision(1, "Jams", "Old text", Set.of("cards"), UserId.of("rep-8"), T0)),
                UserId.of("rep-7"), T0, at(5), status == ArticleStatus.DRAFT ? null : at(5));
    }

    public static ProductInfo productInfo(ProductInfoId id, String code) {
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("weight", "15 t");
        specs.put("power", "steam");
        return new ProductInfo(id, 0, code, ProductId.of(UUID.randomUUID()), "Difference Engine",
                "Computes polynomial tables", specs,
                List.of(new ProductDocument("Manual", "https://example.com/manual.pdf", "manual")), at(7));
    }
}
