package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.sales.SalesEvent.OpportunitySaved;
import dev.crmkit.core.sales.SalesEvent.OpportunityStageChanged;
import dev.crmkit.core.sharing.Guard;
import dev.crmkit.core.sharing.OwnedRecords;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Opportunities: create, edit, move through the configured {@link SalesStages}, close won or lost, reopen. Every
 * stage move is kept in the opportunity's history.
 */
public final class OpportunityService {
    static final String KIND = "Opportunity";
    static final Guard<OpportunityId, Opportunity> GUARD = new Guard<>(KIND,
            o -> new OwnedRecords.Owned(KIND, o.id(), o.owner(), o.account()));
    private final CrmContext<? extends SalesTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public OpportunityService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
    }

    private SalesStages stages() {
        return ctx.setting(SalesStages.class, SalesStages::defaults);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ctx.now(), ctx.clock().getZone());
    }

    /**
     * Creates an open opportunity at its stage's default probability. A missing account, name or amount, a negative
     * amount, a close date in the past, a contact of another account or an unknown stage is a
     * {@code ValidationException} naming every such field. Joins the caller's write transaction when called inside
     * one (lead conversion does).
     */
    public OpportunityId create(NewOpportunity in) {
        Validation.argument("opportunity", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            String name = v.requireText("name", in.name());
            if (v.require("account", in.account()) != null) {
                v.check(AccountService.seen(ctx, tx, in.account()), "account", "no such account: " + in.account());
            }
            checkAmount(v, in.amount());
            checkCloseDate(v, in.closeDate());
            checkContact(tx, v, in.account(), in.contact());
            SalesStage stage = in.stage() == null ? stages().first() : stages().find(in.stage()).orElse(null);
            v.check(stage != null, "stage", "is not an open stage: " + in.stage());
            v.throwIfInvalid();
            SalesStage first = Validation.checked(stage);
            UserId owner = in.owner() == null ? ctx.user() : in.owner();
            Opportunity draft = new Opportunity(OpportunityId.of(ctx.newId()), 0, in.account(), in.contact(),
                    Validation.checked(name), in.amount(), in.closeDate(), owner, first.name(), first.probability(),
                    first.category(), OpportunityStatus.OPEN, null, in.sourceLead(), List.of(
                            new StageChange(first.name(), OpportunityStatus.OPEN, first.probability(),
                                    first.category(), ctx.now(), ctx.user(), null)), ctx.now(), ctx.now());
            Opportunity saved = tx.opportunities().save(draft);
            ctx.raise(new OpportunitySaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved.id();
        });
    }

    /**
     * Changes name, contact, amount, close date or owner of the opportunity {@code read}, the record these details
     * were computed from; when it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}. A close date changed into the past is rejected.
     */
    public Opportunity update(Opportunity read, OpportunityDetails details) {
        return edit(Objects.requireNonNull(read, "read"), details);
    }

    /** As {@link #update(Opportunity, OpportunityDetails)}, for a caller that kept the id and the version it read. */
    public Opportunity update(OpportunityId id, long expectedVersion, OpportunityDetails details) {
        return edit(Ref.of(id, expectedVersion), details);
    }

    private Opportunity edit(Ref<OpportunityId> ref, OpportunityDetails d) {
        Validation.argument("details", d);
        return ctx.write(tx -> {
            Opportunity o = GUARD.current(ctx, tx, tx.opportunities(), ref);
            if (d.owner() != null && !d.owner().equals(o.owner())) {
                ctx.actor().require(Actor.MANAGER, "give an opportunity to " + d.owner());
            }
            Validation v = new Validation();
            String name = v.requireText("name", d.name());
            checkAmount(v, d.amount());
            if (!Objects.equals(d.closeDate(), o.closeDate())) {
                checkCloseDate(v, d.closeDate());
            }
            v.require("owner", d.owner());
            checkContact(tx, v, o.account(), d.contact());
            v.throwIfInvalid();
            Opportunity changed = o.withDetails(Validation.checked(name), d.contact(), d.amount(), d.closeDate(),
                    d.owner(), ctx.user(), ctx.now());
            if (changed == o) {
                return o;
            }
            Opportunity saved = tx.opportunities().save(changed);
            ctx.raise(new OpportunitySaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /**
     * Moves an open opportunity to the open stage {@code stage}; a closed one is an IllegalTransitionException. Pass
     * the record you read to refuse a stale change ({@code ConcurrentUpdateException}).
     */
    public Opportunity moveTo(Ref<OpportunityId> id, String stage) {
        SalesStage target = openStage(stage);
        return change(id, o -> o.moveTo(target, ctx.user(), ctx.now()));
    }

    /**
     * Overrides the stage's default win probability (0..100) of an open opportunity; recorded in its history, and
     * replaced by the next stage's default on the next move. Pass the record you read to refuse a stale change.
     */
    public Opportunity setProbability(Ref<OpportunityId> id, int percent) {
        Validation v = new Validation();
        v.check(percent >= 0 && percent <= 100, "probability", "must be between 0 and 100");
        v.throwIfInvalid();
        return change(id, o -> o.withProbability(percent, ctx.user(), ctx.now()));
    }

    /**
     * Closes as won, with today as close date; {@code reason} is required. Pass the record you read to refuse a
     * stale change.
     */
    public Opportunity closeWon(Ref<OpportunityId> id, String reason) {
        String r = requireReason(reason);
        return change(id, o -> o.closeWon(r, today(), ctx.user(), ctx.now()));
    }

    /**
     * Closes as lost, with today as close date; {@code reason} is required. Pass the record you read to refuse a
     * stale change.
     */
    public Opportunity closeLost(Ref<OpportunityId> id, String reason) {
        String r = requireReason(reason);
        return change(id, o -> o.closeLost(r, today(), ctx.user(), ctx.now()));
    }

    /**
     * Reopens a lost opportunity at {@code stage} with a new close date (not in the past). Pass the record you read to
     * refuse a stale change.
     */
    public Opportunity reopen(Ref<OpportunityId> id, String stage, LocalDate closeDate) {
        Validation v = new Validation();
        SalesStage target = stages().find(stage).orElse(null);
        v.check(target != null, "stage", "is not an open stage: " + stage);
        checkCloseDate(v, closeDate);
        v.throwIfInvalid();
        SalesStage open = Validation.checked(target);
        return change(id, o -> o.reopen(open, closeDate, ctx.user(), ctx.now()));
    }

    private Opportunity change(Ref<OpportunityId> ref, UnaryOperator<Opportunity> step) {
        Objects.requireNonNull(ref, "id");
        return ctx.write(tx -> {
            Opportunity o = GUARD.current(ctx, tx, tx.opportunities(), ref);
            Opportunity saved = tx.opportunities().save(step.apply(o));
            ctx.raise(new OpportunityStageChanged(ctx.actor().tenant(), ctx.now(), saved, o.stage()));
            return saved;
        });
    }

    private SalesStage openStage(String stage) {
        return stages().find(stage)
                .orElseThrow(() -> new ValidationException("stage", "is not an open stage: " + stage));
    }

    private static @Nullable String requireReason(String reason) {
        Validation v = new Validation();
        String r = v.requireMultiLine("reason", reason, 0);
        v.throwIfInvalid();
        return r;
    }

    private static void checkAmount(Validation v, Money amount) {
        if (v.require("amount", amount) != null) {
            v.check(!amount.isNegative(), "amount", "must not be negative");
        }
    }

    private void checkCloseDate(Validation v, LocalDate closeDate) {
        if (v.require("closeDate", closeDate) != null) {
            v.check(!closeDate.isBefore(today()), "closeDate", "must not be in the past");
        }
    }

    private static void checkContact(SalesTx tx, Validation v, AccountId account, @Nullable ContactId contact) {
        if (contact == null) {
            return;
        }
        Optional<Contact> c = tx.contacts().find(contact);
        if (v.check(c.isPresent(), "contact", "no such contact: " + contact)) {
            v.check(account == null || account.equals(c.get().account()), "contact", "belongs to another account");
        }
    }

    /**
     * The opportunity, or {@code NotFoundException} (also for one the caller may not see: not theirs, their teams',
     * shared with them or of an account they see, see {@code sharing}).
     */
    public Opportunity get(OpportunityId id) {
        return ctx.read(tx -> GUARD.get(ctx, tx, tx.opportunities(), id));
    }

    /** {@code opportunities} without those the actor of {@code ctx} does not see. */
    static List<Opportunity> seen(CrmContext<?> ctx, SalesTx tx, List<Opportunity> opportunities) {
        return GUARD.seen(ctx, tx, opportunities);
    }

    /** The account's opportunities the caller sees, by close date. */
    public List<Opportunity> ofAccount(AccountId account) {
        return ctx.read(tx -> seen(ctx, tx, tx.opportunities().findByAccount(account)));
    }

    /**
     * The owner's opportunities the caller sees, by close date; {@code openOnly} leaves out won and lost ones.
     */
    public List<Opportunity> ofOwner(UserId owner, boolean openOnly) {
        return ctx.read(tx -> seen(ctx, tx, tx.opportunities().findByOwner(owner).stream()
                .filter(o -> !openOnly || o.isOpen()).toList()));
    }

    /** The configured stages (open ones in order; won and lost are {@link SalesStages#WON}/{@link SalesStages#LOST}). */
    public SalesStages stageList() {
        return stages();
    }
}
