package dev.crmkit.core.automation;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.SequenceService;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentEvent.SegmentEntered;
import dev.crmkit.core.task.TaskService;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Workflow rules of the actor's tenant: <em>when</em> an event happens to a record <em>and</em> criteria hold,
 * <em>then</em> run actions (create a task, alert, assign an owner, tag). Rules run off committed events through the
 * durable subscriber {@link AutomationSubscriber#NAME}: never off a rolled-back write, once per event and rule even
 * with several nodes on one database, each run logged ({@link #runs}, {@link #runsOn}). Rules with {@code after} run
 * from the host's schedule ({@link #runDue}).
 *
 * <p>Changing rules needs the {@link Actor#ADMIN} role; reading rules and runs the {@link Actor#MANAGER} or ADMIN
 * role. Changes take the rule as it was read and fail with {@code ConcurrentUpdateException} when it changed since.
 * A rule change applies to events stored after it (events already waiting for delivery run the rules as they are
 * when delivered).
 */
public final class AutomationService {
    private final CrmContext<? extends AutomationTx> ctx;
    private final AutomationSubscriber subscriber;
    private final SequenceService sequences;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public AutomationService(CrmContext<? extends AutomationTx> ctx, AutomationSubscriber subscriber,
                             SequenceService sequences) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.sequences = Objects.requireNonNull(sequences, "sequences");
    }

    /** Stores an enabled rule that runs after the tenant's existing rules. */
    public RuleId create(RuleDefinition rule) {
        requireAdmin();
        Validation.argument("rule", rule);
        return write(tx -> {
            checkReferences(tx, rule);
            watch(tx, rule);
            int last = tx.automation().list().stream().mapToInt(AutomationRule::position).max().orElse(0);
            return tx.automation().save(new AutomationRule(RuleId.of(ctx.newId()), 0, rule, last + 1, true,
                    ctx.now(), ctx.now())).id();
        });
    }

    /** Stores the rule read from {@code json} ({@link RuleDefinition#fromJson}: bad parts are refused by path). */
    public RuleId create(String json) {
        requireAdmin();
        return create(RuleDefinition.fromJson(json));
    }

    /** The rule, or {@code NotFoundException}. */
    public AutomationRule get(RuleId id) {
        requireReader();
        Validation.argument("id", id);
        return ctx.read(tx -> tx.automation().get(id));
    }

    /** The tenant's rules in the order they run. */
    public List<AutomationRule> list() {
        requireReader();
        return ctx.read(tx -> tx.automation().list());
    }

    /** Replaces the rule's definition; its place and whether it is enabled stay. */
    public AutomationRule update(Ref<RuleId> rule, RuleDefinition definition) {
        requireAdmin();
        Validation.argument("rule", rule);
        Validation.argument("definition", definition);
        return write(tx -> {
            checkReferences(tx, definition);
            watch(tx, definition);
            return tx.automation().save(tx.automation().current(rule).redefine(definition, ctx.now()));
        });
    }

    /** Lets the rule run again. */
    public AutomationRule enable(Ref<RuleId> rule) {
        requireAdmin();
        return change(rule, r -> r.enable(true, ctx.now()));
    }

    /** Stops the rule from running; its waiting delayed runs are dropped when they fall due. */
    public AutomationRule disable(Ref<RuleId> rule) {
        requireAdmin();
        return change(rule, r -> r.enable(false, ctx.now()));
    }

    /** Moves the rule to {@code position}: rules run by position, then by id. */
    public AutomationRule move(Ref<RuleId> rule, int position) {
        requireAdmin();
        if (position < 0 || position > 1_000_000) {
            throw new ValidationException("position", "must be 0 to 1000000");
        }
        return change(rule, r -> r.moveTo(position, ctx.now()));
    }

    /** Deletes the rule and its waiting delayed runs; its run log stays. */
    public void delete(Ref<RuleId> rule) {
        requireAdmin();
        Validation.argument("rule", rule);
        write(tx -> {
            tx.automation().delete(tx.automation().current(rule));
            return null;
        });
    }

    /** The rule's runs, the latest first. */
    public Page<RuleRun> runs(RuleId rule, PageRequest page) {
        requireReader();
        Validation.argument("rule", rule);
        Validation.argument("page", page);
        return ctx.read(tx -> tx.automation().runsOf(rule, page));
    }

    /** The runs of every rule on one record (a lead, a task, ...), the latest first. */
    public Page<RuleRun> runsOn(EntityId record, PageRequest page) {
        requireReader();
        Validation.argument("record", record);
        Validation.argument("page", page);
        return ctx.read(tx -> tx.automation().runsOn(record.value().toString(), page));
    }

    /**
     * Runs the tenant's scheduled work that is due now: announces tasks that fell overdue ({@code TaskOverdue}, for
     * rules on it), runs delayed rules, then nurture sequence steps
     * ({@code SequenceService.runDue}). Call it from the host's schedule (any interval; each call runs what fell due
     * since the last). Each due run or step is taken by exactly one transaction, so two nodes calling at once never
     * run one twice, and a crash mid-run leaves it due. Returns how many rule runs and enrollment steps were taken.
     */
    public int runDue() {
        // Rules on TaskOverdue and SegmentEntered run off the events these raise, like rules on any other event.
        new TaskService(ctx).fireOverdue();
        enterSegments();
        return subscriber.runDue(ctx) + sequences.runDue();
    }

    /** Raises {@code SegmentEntered} for the records that entered a watched segment since the last call. */
    private void enterSegments() {
        Set<SegmentId> watched = new LinkedHashSet<>();
        ctx.read(tx -> tx.automation().list()).stream().filter(AutomationRule::enabled)
                .map(r -> r.definition().segment()).filter(Objects::nonNull).forEach(watched::add);
        for (SegmentId id : watched) {
            ctx.write(tx -> {
                Set<UUID> before = tx.automation().claimWatch(id).orElse(null);
                Segment segment = tx.segments().find(id).orElse(null);
                if (before == null || segment == null) {
                    return null;
                }
                Set<UUID> now = members(tx, segment);
                Set<UUID> entered = new LinkedHashSet<>(now);
                entered.removeAll(before);
                Set<UUID> left = new HashSet<>(before);
                left.removeAll(now);
                tx.automation().saveWatch(id, entered, left);
                entered.forEach(member -> ctx.raise(new SegmentEntered(ctx.actor().tenant(), ctx.now(), id,
                        segment.target(), member)));
                return null;
            });
        }
    }

    /** Starts watching the segment a rule on {@code SegmentEntered} names, from its members now. */
    private static void watch(AutomationTx tx, RuleDefinition rule) {
        if (rule.segment() != null && tx.automation().claimWatch(rule.segment()).isEmpty()) {
            tx.automation().saveWatch(rule.segment(), members(tx, tx.segments().get(rule.segment())), Set.of());
        }
    }

    private static Set<UUID> members(AutomationTx tx, Segment segment) {
        Set<UUID> members = new LinkedHashSet<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        Page<EntityId> p;
        do {
            p = tx.segmentQueries().members(segment.target(), segment.criteria(), page);
            p.items().forEach(m -> members.add(m.value()));
            page = page.next();
        } while (p.hasNext());
        return members;
    }

    /** What a rule names in storage must exist: every unknown one is reported under its path. */
    private static void checkReferences(AutomationTx tx, RuleDefinition rule) {
        Validation v = new Validation();
        if (rule.segment() != null) {
            Optional<Segment> segment = tx.segments().find(rule.segment());
            if (v.check(segment.isPresent(), "segment", "is not a segment of this tenant: " + rule.segment())) {
                String kind = RuleJson.kindOf(segment.get().target());
                for (int i = 0; i < rule.actions().size(); i++) {
                    Set<String> kinds = RuleJson.recordsOf(rule.actions().get(i));
                    v.check(kinds.isEmpty() || kinds.contains(kind), "actions[" + i + "]",
                            "works on " + kinds + " records; the segment holds " + kind + " records");
                }
            }
        }
        List<RuleAction> actions = rule.actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof RuleAction.SendEmail send) {
                v.check(tx.emailTemplates().find(send.template()).isPresent(), "actions[" + i + "].template",
                        "is not an email template of this tenant: " + send.template());
            } else if (actions.get(i) instanceof RuleAction.Enroll enroll) {
                v.check(tx.nurtureSequences().find(enroll.sequence()).isPresent(), "actions[" + i + "].sequence",
                        "is not a nurture sequence of this tenant: " + enroll.sequence());
            } else if (actions.get(i) instanceof RuleAction.SetStatus set) {
                // A rule read from JSON always has one; a rule built in code must too (rules are stored as JSON).
                v.check(set.status() != LeadStatus.UNQUALIFIED || Text.blankToNull(set.reason()) != null,
                        "actions[" + i + "].reason", "is required to disqualify");
            }
        }
        v.throwIfInvalid();
    }

    private AutomationRule change(Ref<RuleId> rule, UnaryOperator<AutomationRule> edit) {
        Validation.argument("rule", rule);
        return write(tx -> tx.automation().save(edit.apply(tx.automation().current(rule))));
    }

    private <T> T write(Function<AutomationTx, T> work) {
        TenantId tenant = ctx.actor().tenant();
        return ctx.write(tx -> {
            tx.afterCommit(() -> subscriber.rulesChanged(tenant));
            return work.apply(tx);
        });
    }

    private void requireAdmin() {
        ctx.actor().require(Actor.ADMIN, "change workflow rules");
    }

    private void requireReader() {
        if (!ctx.actor().hasRole(Actor.ADMIN)) {
            ctx.actor().require(Actor.MANAGER, "read workflow rules");
        }
    }
}
