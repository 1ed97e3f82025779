package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.NewFeedback;
import dev.crmkit.core.service.ServiceEvent.CaseChanged;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.service.ServiceEvent.CaseOpened;
import dev.crmkit.core.service.ServiceEvent.CaseStatusChanged;
import dev.crmkit.core.sharing.Guard;
import dev.crmkit.core.sharing.OwnedRecords;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Cases: opening with a tracking number and service-level targets from the covering contract, the status machine
 * with reopening, comments, article links, escalation of overdue cases and the satisfaction rating at closing.
 */
public final class CaseService {
    static final String KIND = "Case";
    static final Guard<CaseId, Case> GUARD = new Guard<>(KIND,
            c -> new OwnedRecords.Owned(KIND, c.id(), c.owner(), c.regarding().account()));
    private final CrmContext<? extends ServiceTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public CaseService(CrmContext<? extends ServiceTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Opens a case and gives it the next tracking number. The account's active contract covering the product sets
     * the first-response and resolution due times (the strictest one when several do); without one the case is
     * flagged ({@link Case#withoutContract()}). Every invalid field is reported at once, and nothing is written then.
     */
    public Case open(NewCase in) {
        Validation.argument("case", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            String subject = v.requireText("subject", in.subject());
            v.require("channel", in.channel());
            AccountId account = account(tx, in.contact(), in.account(), v);
            v.multiLine("description", in.description(), 0);
            v.maxLength("productCode", Text.blankToNull(in.productCode()), ServiceLimits.PRODUCT_CODE);
            v.singleLine("category", Text.blankToNull(in.category()));
            v.check(in.product() == null || tx.products().find(in.product()).isPresent(), "product",
                    "no such product: " + in.product());
            v.check(in.order() == null || tx.orders().find(in.order()).isPresent(), "order",
                    "no such order: " + in.order());
            v.throwIfInvalid();
            Instant now = ctx.now();
            CasePriority priority = in.priority() == null ? CasePriority.MEDIUM : in.priority();
            String code = Text.blankToNull(in.productCode());
            Optional<ServiceContract> contract = account == null ? Optional.empty()
                    : covering(tx.serviceContracts().findByAccount(account), in, code, priority, now);
            Case opened = tx.cases().save(new Case(CaseId.of(ctx.newId()), 0, trackingNumber(tx, now),
                    new Regarding(account, in.contact(), in.product(), code, in.order()),
                    new Triage(in.kind() == null ? CaseKind.SUPPORT_REQUEST : in.kind(),
                            Text.blankToNull(in.category()), priority, in.channel()),
                    Validation.checked(subject), Text.blankToNull(in.description()),
                    in.owner() == null ? ctx.user() : in.owner(), CaseStatus.NEW,
                    contract.map(c -> c.targetsFor(now, priority)).orElse(Targets.NONE),
                    Closure.NONE, Set.of(), Set.of(), null, List.of(),
                    List.of(new CaseHistoryEntry(now, ctx.user(), "OPENED",
                            contract.map(c -> "under contract " + c.name()).orElse("without a valid contract"))),
                    now, now));
            ctx.raise(new CaseOpened(ctx.actor().tenant(), now, opened));
            return opened;
        });
    }

    private @Nullable AccountId account(ServiceTx tx, @Nullable ContactId contactId, @Nullable AccountId accountId,
                                        Validation v) {
        if (!v.check(contactId != null || accountId != null, "contact", "or an account is required")) {
            return null;
        }
        AccountId effective = accountId;
        if (contactId != null) {
            Optional<Contact> contact = tx.contacts().find(contactId).filter(ContactService.seenBy(ctx, tx));
            if (v.check(contact.isPresent(), "contact", "no such contact: " + contactId)) {
                AccountId ofContact = contact.get().account();
                v.check(accountId == null || ofContact == null || accountId.equals(ofContact), "account",
                        "is not the contact's account");
                effective = accountId != null ? accountId : ofContact;
            }
        }
        if (accountId != null) {
            v.check(AccountService.seen(ctx, tx, accountId), "account", "no such account: " + accountId);
        }
        return effective;
    }

    private static Optional<ServiceContract> covering(List<ServiceContract> contracts, NewCase in,
                                                      @Nullable String code, CasePriority priority, Instant now) {
        return contracts.stream()
                .filter(c -> c.activeAt(now) && c.covers(in.product(), code) && c.levels().containsKey(priority))
                .min(Comparator.comparing((ServiceContract c) -> c.due(now, c.level(priority).resolution()))
                        .thenComparing(ServiceContract::id));
    }

    /**
     * {@code PREFIX-YEAR-NNNNNN} from a per-year counter in storage, which hands out each value once per tenant even
     * across nodes; the unique index on tracking numbers backs that up.
     */
    private String trackingNumber(ServiceTx tx, Instant now) {
        String prefix = settings().trackingPrefix();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        long n = tx.sequences().next("case-tracking-number:" + prefix + ":" + year);
        return String.format(Locale.ROOT, "%s-%d-%06d", prefix, year, n);
    }

    /**
     * The case, or {@code NotFoundException} (also for one the caller may not see: see {@code sharing}; service
     * desks open cases to their agents with {@code SharingSettings.seenByRole("Case", role)}).
     */
    public Case get(CaseId id) {
        return ctx.read(tx -> GUARD.get(ctx, tx, tx.cases(), id));
    }

    static List<Case> seen(CrmContext<?> ctx, ServiceTx tx, List<Case> cases) {
        return GUARD.seen(ctx, tx, cases);
    }

    /** The case with this tracking number (any letter case, surrounding blanks ignored), if the caller sees it. */
    public Optional<Case> byTrackingNumber(String trackingNumber) {
        Validation.lookup("trackingNumber", trackingNumber, false);
        String normalized = normalizeTrackingNumber(trackingNumber);
        return normalized == null ? Optional.empty() : ctx.read(tx -> tx.cases().findByTrackingNumber(normalized)
                .filter(c -> GUARD.sees(ctx, tx, c)));
    }

    static @Nullable String normalizeTrackingNumber(String text) {
        String t = Text.blankToNull(text);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    /** The contact's cases the caller sees, oldest first. */
    public List<Case> ofContact(ContactId contact) {
        return ctx.read(tx -> seen(ctx, tx, tx.cases().findByContact(contact)));
    }

    /** The account's cases the caller sees, oldest first. */
    public List<Case> ofAccount(AccountId account) {
        return ctx.read(tx -> seen(ctx, tx, tx.cases().findByAccount(account)));
    }

    /** Cases the article is linked to that the caller sees, oldest first. */
    public List<Case> linkedTo(ArticleId article) {
        return ctx.read(tx -> seen(ctx, tx, tx.cases().findByArticle(article)));
    }

    /**
     * An agent starts working on the case (counts as first response). Pass the case you read to refuse a stale change.
     */
    public Case start(Ref<CaseId> id) {
        return moveTo(id, CaseStatus.IN_PROGRESS, null);
    }

    /** The case waits for the customer (counts as first response). Pass the case you read to refuse a stale change. */
    public Case waitOnCustomer(Ref<CaseId> id) {
        return moveTo(id, CaseStatus.WAITING_ON_CUSTOMER, null);
    }

    /** The case is solved; {@code resolution} says how. Pass the case you read to refuse a stale change. */
    public Case resolve(Ref<CaseId> id, String resolution) {
        Validation v = new Validation();
        String r = v.requireMultiLine("resolution", resolution, 0);
        v.throwIfInvalid();
        return moveTo(id, CaseStatus.RESOLVED, Validation.checked(r));
    }

    /**
     * Reopens a resolved or closed case, allowed within {@link ServiceSettings#reopenWindow()} of its resolution;
     * later it is an {@link IllegalTransitionException}. Pass the case you read to refuse a stale change.
     */
    public Case reopen(Ref<CaseId> id, String reason) {
        Validation v = new Validation();
        v.multiLine("reason", Text.blankToNull(reason), 0);
        v.throwIfInvalid();
        return moveTo(id, CaseStatus.IN_PROGRESS, Text.blankToNull(reason));
    }

    /** Closes a resolved case without a rating. Pass the case you read to refuse a stale change. */
    public Case close(Ref<CaseId> id) {
        return close(id, null);
    }

    /**
     * Closes a resolved case; a {@code satisfaction} rating (1 to 5) is stored as customer feedback of the case's
     * contact and account, and {@link Case#feedback()} refers to it. Pass the case you read to refuse a stale change.
     */
    public Case close(Ref<CaseId> id, @Nullable Satisfaction satisfaction) {
        if (satisfaction != null) {
            checkRating(satisfaction);
        }
        return ctx.write(tx -> {
            Case closed = moveTo(id, CaseStatus.CLOSED, null);
            if (satisfaction == null) {
                return closed;
            }
            // A case reopened after its rating keeps that one rating; the exception undoes the move too.
            Validation v = new Validation();
            v.check(closed.feedback() == null, "feedback", "the case is already rated");
            v.throwIfInvalid();
            return rate(tx, closed, satisfaction);
        });
    }

    /**
     * Records the rating of a closed case that has none yet (e.g. from a survey after closing). Pass the case you read
     * to refuse a stale change.
     */
    public Case rate(Ref<CaseId> id, Satisfaction satisfaction) {
        Objects.requireNonNull(id, "id");
        checkRating(Objects.requireNonNull(satisfaction, "satisfaction"));
        return ctx.write(tx -> {
            Case c = GUARD.current(ctx, tx, tx.cases(), id);
            Validation v = new Validation();
            v.check(c.status() == CaseStatus.CLOSED, "status", "only closed cases are rated");
            v.check(c.feedback() == null, "feedback", "the case is already rated");
            v.throwIfInvalid();
            return rate(tx, c, satisfaction);
        });
    }

    private static void checkRating(Satisfaction s) {
        Validation v = new Validation();
        v.check(s.rating() >= 1 && s.rating() <= 5, "rating", "must be between 1 and 5");
        v.throwIfInvalid();
    }

    private Case rate(ServiceTx tx, Case c, Satisfaction s) {
        FeedbackId feedback = new CustomerService(ctx).recordFeedback(new NewFeedback(c.regarding().account(),
                c.regarding().contact(), null, s.rating(), s.comment(), c.triage().channel(), null));
        return change(tx, c, x -> x.rated(feedback, s.rating(), ctx.now(), ctx.user()), "RATED");
    }

    /**
     * Moves the case to {@code target}; reopening is checked against the reopen window. Pass the case you read to
     * refuse a stale change.
     */
    public Case moveTo(Ref<CaseId> id, CaseStatus target, @Nullable String detail) {
        Validation.argument("id", id);
        Validation.argument("target", target);
        Validation v = new Validation();
        v.multiLine("detail", detail, 0);
        v.throwIfInvalid();
        return ctx.write(tx -> {
            Case c = GUARD.current(ctx, tx, tx.cases(), id);
            Instant now = ctx.now();
            Instant resolved = c.closure().resolvedAt();
            if (!c.status().isOpen() && target == CaseStatus.IN_PROGRESS
                    && (resolved == null || now.isAfter(resolved.plus(settings().reopenWindow())))) {
                throw new IllegalTransitionException("Case", c.status(), target);
            }
            Case moved = tx.cases().save(c.moveTo(target, now, ctx.user(), detail));
            ctx.raise(new CaseStatusChanged(ctx.actor().tenant(), now, moved, c.status(), target));
            return moved;
        });
    }

    /**
     * Adds a comment; a reply {@code toCustomer} is the first response if none was given yet. Pass the case you read
     * to refuse commenting on one that changed since.
     */
    public Case comment(Ref<CaseId> id, String text, boolean toCustomer) {
        Validation v = new Validation();
        String t = v.requireMultiLine("text", text, 0);
        v.throwIfInvalid();
        return update(id, c -> c.comment(new CaseComment(ctx.now(), ctx.user(), Validation.checked(t), toCustomer)),
                toCustomer ? "REPLIED" : "NOTED");
    }

    /**
     * Hands the case to another owner, whose manager later escalations alert. Pass the case you read to refuse a stale
     * change.
     */
    public Case assign(Ref<CaseId> id, UserId owner) {
        Validation v = new Validation();
        v.require("owner", owner);
        v.throwIfInvalid();
        return update(id, c -> c.assign(owner, ctx.now(), ctx.user()), "ASSIGNED");
    }

    /**
     * Changes the priority; the due times stay those computed when the case was opened. Pass the case you read to
     * refuse a stale change.
     */
    public Case prioritize(Ref<CaseId> id, CasePriority priority) {
        Validation v = new Validation();
        v.require("priority", priority);
        v.throwIfInvalid();
        return update(id, c -> c.prioritize(priority, ctx.now(), ctx.user()), "PRIORITY");
    }

    /**
     * Links a knowledge base article to the case (no change if it is linked already). Pass the case you read to refuse
     * a stale change.
     */
    public Case linkArticle(Ref<CaseId> id, ArticleId article) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Case c = GUARD.current(ctx, tx, tx.cases(), id);
            Validation v = new Validation();
            v.check(article != null && tx.articles().find(article).isPresent(), "article",
                    "no such article: " + article);
            v.throwIfInvalid();
            return c.articles().contains(article) ? c
                    : change(tx, c, x -> x.link(article, ctx.now(), ctx.user()), "ARTICLE_LINKED");
        });
    }

    /**
     * Unlinks the article from the case (no change if it is not linked). Pass the case you read to refuse a stale
     * change.
     */
    public Case unlinkArticle(Ref<CaseId> id, ArticleId article) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Case c = GUARD.current(ctx, tx, tx.cases(), id);
            return !c.articles().contains(article) ? c
                    : change(tx, c, x -> x.unlink(article, ctx.now(), ctx.user()), "ARTICLE_UNLINKED");
        });
    }

    private Case update(Ref<CaseId> id, UnaryOperator<Case> f, String action) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> change(tx, GUARD.current(ctx, tx, tx.cases(), id), f, action));
    }

    private Case change(ServiceTx tx, Case c, UnaryOperator<Case> f, String action) {
        Case saved = tx.cases().save(f.apply(c));
        ctx.raise(new CaseChanged(ctx.actor().tenant(), ctx.now(), saved, action));
        return saved;
    }

    /**
     * Escalates every open case whose first response or resolution is overdue by the clock: per missed target once,
     * raising the priority one step and publishing {@link CaseEscalated} naming the owner's manager (from
     * {@link ServiceSettings}). Hosts call this on a schedule; running it again escalates nothing new. Returns the
     * escalations of this run. When another node escalates the same case at the same moment, one of the two runs
     * fails with {@code ConcurrentUpdateException} and writes nothing; the next run picks up what it left.
     */
    public List<CaseEscalated> escalateOverdue() {
        return ctx.write(tx -> {
            Instant now = ctx.now();
            ServiceSettings settings = settings();
            List<CaseEscalated> done = new ArrayList<>();
            for (Case c : tx.cases().findOpenDueBefore(now)) {
                Set<EscalationKind> missed = c.dueForEscalation(now);
                if (missed.isEmpty()) {
                    continue;
                }
                Case next = c;
                for (EscalationKind kind : missed) {
                    next = next.escalate(kind, now, ctx.user());
                }
                Case saved = tx.cases().save(next);
                CasePriority from = c.triage().priority();
                for (EscalationKind kind : missed) {
                    CasePriority to = from.raised();
                    done.add(new CaseEscalated(ctx.actor().tenant(), now, saved, kind,
                            c.targets().due(kind), from, to, c.owner(), settings.managerOf(c.owner())));
                    from = to;
                }
            }
            done.forEach(ctx::raise);
            return List.copyOf(done);
        });
    }

    private ServiceSettings settings() {
        return ctx.setting(ServiceSettings.class, ServiceSettings::defaults);
    }
}
