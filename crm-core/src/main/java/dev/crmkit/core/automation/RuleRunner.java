package dev.crmkit.core.automation;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.TaskEvent.AlertRaised;
import dev.crmkit.core.task.TaskService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs one rule on one record in one transaction: the criteria check, the actions through the services (as the
 * tenant's system user, so their validation, history and events apply) and the log entry commit together, or
 * nothing does. The log entry's unique (origin, rule, record) makes a second run of the same trigger, on this node or
 * another, find the first and stop.
 */
final class RuleRunner {
    private final CrmContext<? extends AutomationTx> base;
    private final AutomationSettings settings;

    RuleRunner(CrmContext<? extends AutomationTx> base, AutomationSettings settings) {
        this.base = base;
        this.settings = settings;
    }

    /** The context rules act in: the tenant's system user, allowed to assign and create anything. */
    CrmContext<? extends AutomationTx> in(TenantId tenant) {
        return base.as(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.MANAGER, Actor.ADMIN)));
    }

    /**
     * Runs {@code rule} for {@code trigger}; with {@code due}, only when this transaction takes that delayed run.
     * A refusal by an action (a {@link CrmException} other than a conflict or a storage failure) is logged as
     * {@link RunOutcome#FAILED} and not retried; anything else is thrown, for the caller to retry.
     */
    void run(TenantId tenant, AutomationRule rule, Trigger trigger, UUID due) {
        CrmContext<? extends AutomationTx> ctx = in(tenant);
        if (trigger.depth() >= settings.maxDepth()) {
            log(ctx, rule, trigger, due, RunOutcome.SKIPPED, List.of(),
                    "chain deeper than " + settings.maxDepth() + " rules");
            return;
        }
        try {
            ctx.write(tx -> {
                if (due != null && !tx.automation().take(due)) {
                    return null;
                }
                if (tx.automation().findRun(trigger.origin(), rule.id(), trigger.recordId()).isPresent()
                        || !matches(tx, rule, trigger)) {
                    return null;
                }
                List<String> done = new ArrayList<>();
                for (RuleAction action : rule.definition().actions()) {
                    done.add(perform(ctx, tx, rule, action, trigger));
                }
                tx.automation().saveRun(run(ctx, rule, trigger, RunOutcome.DONE, done, null));
                return null;
            }, (tx, staged) -> staged.forEach(id -> tx.automation().saveChain(id,
                    new AutomationRepository.Chain(trigger.origin(), trigger.depth() + 1))));
        } catch (ConcurrentUpdateException | StorageException e) {
            throw e;
        } catch (CrmException refused) {
            log(ctx, rule, trigger, due, RunOutcome.FAILED, List.of(), refused.getMessage());
        }
    }

    /**
     * Whether {@code rule} would run for {@code trigger} as the storage stands in {@code tx}: not run yet in the
     * chain and its criteria hold (or the chain is too deep, to log the skip). Lets a delivery check every rule in
     * one read and write only for those that run; {@link #run} checks again in its own transaction.
     */
    boolean wouldRun(AutomationTx tx, AutomationRule rule, Trigger trigger) {
        return trigger.depth() >= settings.maxDepth()
                || tx.automation().findRun(trigger.origin(), rule.id(), trigger.recordId()).isEmpty()
                && matches(tx, rule, trigger);
    }

    private void log(CrmContext<? extends AutomationTx> ctx, AutomationRule rule, Trigger trigger, UUID due,
                     RunOutcome outcome, List<String> actions, String error) {
        ctx.write(tx -> {
            if ((due == null || tx.automation().take(due))
                    && tx.automation().findRun(trigger.origin(), rule.id(), trigger.recordId()).isEmpty()) {
                tx.automation().saveRun(run(ctx, rule, trigger, outcome, actions, error));
            }
            return null;
        });
    }

    private static RuleRun run(CrmContext<?> ctx, AutomationRule rule, Trigger t, RunOutcome outcome,
                               List<String> actions, String error) {
        return new RuleRun(ctx.newId(), rule.id(), rule.version(), rule.name(), t.origin(), t.event(), t.eventType(),
                t.recordType(), t.recordId(), t.depth(), outcome, actions, error, ctx.now());
    }

    private static final Criteria EVERYONE = Criteria.all();

    private static boolean matches(AutomationTx tx, AutomationRule rule, Trigger t) {
        Criteria criteria = rule.definition().criteria();
        if (criteria.equals(EVERYONE)) {
            return true;
        }
        // Validation admits criteria only on events about records segments cover.
        SegmentTarget target = RuleJson.targetOf(t.recordType()).orElseThrow();
        UUID id = UUID.fromString(t.recordId());
        EntityId record = switch (target) {
            case LEAD -> LeadId.of(id);
            case CONTACT -> ContactId.of(id);
            case ACCOUNT -> AccountId.of(id);
        };
        return tx.segmentQueries().matches(target, record, criteria);
    }

    private String perform(CrmContext<? extends AutomationTx> ctx, AutomationTx tx, AutomationRule rule,
                           RuleAction action, Trigger t) {
        if (action instanceof RuleAction.CreateTask task) {
            UserId assignee = assignee(tx, rule, task.assignee(), t);
            NewTask create = NewTask.of(task.title()).about(subject(t)).assignTo(assignee)
                    .dueAt(ctx.now().plus(Duration.ofDays(task.dueInDays())));
            TaskId id = new TaskService(ctx).create(create);
            return "createTask " + id + " for " + assignee;
        }
        if (action instanceof RuleAction.Alert alert) {
            UserId to = owner(tx, t);
            TenantId tenant = ctx.actor().tenant();
            ctx.raise(new AlertRaised(tenant, ctx.now(),
                    new Notifier.Alert(ctx.newId(), tenant, to, rule.name(), alert.message(), ctx.now())));
            return "alert " + (to == null ? "tenant" : to);
        }
        if (action instanceof RuleAction.AssignOwner assign) {
            UserId owner = assignee(tx, rule, assign.assignee(), t);
            new LeadService(ctx).assign(lead(t), owner);
            return "assignOwner " + owner;
        }
        RuleAction.AddTag tag = (RuleAction.AddTag) action;
        new LeadService(ctx).addTag(lead(t), tag.tag());
        return "addTag " + tag.tag();
    }

    private static UserId assignee(AutomationTx tx, AutomationRule rule, Assignee assignee, Trigger t) {
        if (assignee instanceof Assignee.User user) {
            return user.user();
        }
        if (assignee instanceof Assignee.RoundRobin team) {
            return team.users().get((int) (tx.automation().countRuns(rule.id()) % team.users().size()));
        }
        UserId owner = owner(tx, t);
        if (owner == null) {
            throw new ValidationException("assignee",
                    "the " + t.recordType() + " has no owner");
        }
        return owner;
    }

    /** The owner of the record, for the record kinds that have one rules know; null otherwise. */
    private static UserId owner(AutomationTx tx, Trigger t) {
        UUID id = UUID.fromString(t.recordId());
        return switch (t.recordType()) {
            case "Lead" -> tx.leads().get(LeadId.of(id)).owner();
            case "Contact" -> tx.contacts().get(ContactId.of(id)).owner();
            case "Account" -> tx.accounts().get(AccountId.of(id)).owner();
            case "Opportunity" -> tx.opportunities().get(OpportunityId.of(id)).owner();
            case "Case" -> tx.cases().get(CaseId.of(id)).owner();
            default -> null;
        };
    }

    /** The record as a task's subject, when tasks can be about its kind. */
    private static Subject subject(Trigger t) {
        for (Subject.Kind kind : Subject.Kind.values()) {
            if (kind.name().equalsIgnoreCase(t.recordType())) {
                return new Subject(kind, UUID.fromString(t.recordId()));
            }
        }
        return null;
    }

    private static LeadId lead(Trigger t) {
        if (!t.recordType().equals("Lead")) {
            throw new ValidationException("actions",
                    "act on leads only, not on a " + t.recordType());
        }
        return LeadId.parse(t.recordId());
    }
}
