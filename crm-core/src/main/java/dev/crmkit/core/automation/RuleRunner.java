package dev.crmkit.core.automation;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.email.EmailKind;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.SendResult;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.nurture.SequenceService;
import dev.crmkit.core.sales.OpportunityService;
import dev.crmkit.core.service.CaseService;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.TaskEvent.AlertRaised;
import dev.crmkit.core.task.TaskService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
    void run(TenantId tenant, AutomationRule rule, Trigger trigger, @Nullable UUID due) {
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
                // Logged before any action: a second node running the same trigger now waits on this row's unique
                // key until this transaction ends, then fails to insert it and does nothing (no email sent twice).
                RuleRun started = run(ctx, rule, trigger, RunOutcome.DONE, List.of(), null);
                tx.automation().saveRun(started);
                List<String> done = new ArrayList<>();
                for (RuleAction action : rule.definition().actions()) {
                    done.add(perform(ctx, tx, rule, action, trigger));
                }
                tx.automation().recordActions(started.id(), done);
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

    private void log(CrmContext<? extends AutomationTx> ctx, AutomationRule rule, Trigger trigger, @Nullable UUID due,
                     RunOutcome outcome, List<String> actions, @Nullable String error) {
        ctx.write(tx -> {
            if ((due == null || tx.automation().take(due))
                    && tx.automation().findRun(trigger.origin(), rule.id(), trigger.recordId()).isEmpty()) {
                tx.automation().saveRun(run(ctx, rule, trigger, outcome, actions, error));
            }
            return null;
        });
    }

    private static RuleRun run(CrmContext<?> ctx, AutomationRule rule, Trigger t, RunOutcome outcome,
                               List<String> actions, @Nullable String error) {
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
            if (t.recordType().equals("Case")) {
                new CaseService(ctx).assign(CaseId.of(UUID.fromString(t.recordId())), owner);
            } else {
                new LeadService(ctx).assign(lead(t), owner);
            }
            return "assignOwner " + owner;
        }
        if (action instanceof RuleAction.SetStatus set) {
            LeadService leads = new LeadService(ctx);
            Lead changed = switch (set.status()) {
                case WORKING -> leads.startWorking(lead(t));
                case QUALIFIED -> leads.qualify(lead(t));
                default -> leads.disqualify(lead(t), Validation.checked(set.reason()));
            };
            return "setStatus " + changed.status();
        }
        if (action instanceof RuleAction.SetPriority set) {
            new CaseService(ctx).prioritize(CaseId.of(UUID.fromString(t.recordId())), set.priority());
            return "setPriority " + set.priority();
        }
        if (action instanceof RuleAction.SetStage set) {
            new OpportunityService(ctx).moveTo(OpportunityId.of(UUID.fromString(t.recordId())), set.stage());
            return "setStage " + set.stage();
        }
        if (action instanceof RuleAction.SendEmail send) {
            return "sendEmail " + sendEmail(ctx, tx, send, t);
        }
        if (action instanceof RuleAction.Enroll enroll) {
            // Joins this run's write.
            return "enroll " + new SequenceService(ctx).enroll(enroll.sequence(), lead(t));
        }
        RuleAction.AddTag tag = (RuleAction.AddTag) action;
        new LeadService(ctx).addTag(lead(t), tag.tag());
        return "addTag " + tag.tag();
    }

    /** Sends to the lead's or contact's address with its names as merge values; returns the outcome. */
    private static String sendEmail(CrmContext<? extends AutomationTx> ctx, AutomationTx tx, RuleAction.SendEmail send,
                                    Trigger t) {
        UUID id = UUID.fromString(t.recordId());
        EmailRequest request;
        Map<String, String> values = new HashMap<>();
        if (t.recordType().equals("Lead")) {
            Lead lead = tx.leads().get(LeadId.of(id));
            putPerson(values, lead.identity().firstName(), lead.identity().lastName(), lead.identity().company());
            request = EmailRequest.of(send.template(), address(lead.reach().email(), t)).lead(lead.id());
        } else if (t.recordType().equals("Contact")) {
            Contact contact = tx.contacts().get(ContactId.of(id));
            putPerson(values, contact.name().firstName(), contact.name().lastName(), null);
            request = EmailRequest.of(send.template(), address(contact.points().email(), t)).contact(contact.id());
        } else {
            throw new ValidationException("actions", "send email to leads and contacts only, not to a "
                    + t.recordType());
        }
        EmailService email = new EmailService(ctx);
        SendResult result = tx.emailTemplates().get(send.template()).kind() == EmailKind.MARKETING
                ? email.sendMarketing(request.values(values)) : email.sendTransactional(request.values(values));
        return result.outcome() + (result.email() == null ? "" : " " + result.email());
    }

    /** The standard merge fields ({@code MergeFields.STANDARD}) the service does not fill itself. */
    private static void putPerson(Map<String, String> values, @Nullable String first, @Nullable String last,
                                  @Nullable String company) {
        values.put("firstName", first == null ? "" : first);
        values.put("lastName", last == null ? "" : last);
        values.put("company", company == null ? "" : company);
    }

    private static String address(@Nullable EmailAddress email, Trigger t) {
        if (email == null) {
            throw new ValidationException("to", "the " + t.recordType() + " has no email address");
        }
        return email.value();
    }

    private static UserId assignee(AutomationTx tx, AutomationRule rule, Assignee assignee, Trigger t) {
        if (assignee instanceof Assignee.User user) {
            return user.user();
        }
        if (assignee instanceof Assignee.RoundRobin team) {
            // This run is logged already: the runs before it are its turn.
            long turn = tx.automation().countRuns(rule.id()) - 1;
            return team.users().get((int) (turn % team.users().size()));
        }
        UserId owner = owner(tx, t);
        if (owner == null) {
            throw new ValidationException("assignee",
                    "the " + t.recordType() + " has no owner");
        }
        return owner;
    }

    /** The owner of the record, for the record kinds that have one rules know; null otherwise. */
    private static @Nullable UserId owner(AutomationTx tx, Trigger t) {
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
    private static @Nullable Subject subject(Trigger t) {
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
