package dev.crmkit.core.automation;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import dev.crmkit.core.context.TypeInterest;
import dev.crmkit.core.events.EventTypes;
import dev.crmkit.core.segment.SegmentEvent.SegmentEntered;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The durable subscriber that runs workflow rules off committed events, registered by {@code Crm.builder().build()}
 * under {@value #NAME}. Only events of types some enabled rule of the tenant runs on (or is cancelled by) are stored
 * for it; a delivery runs each of those rules in order, each in its own transaction, and logs the run. A rolled-back
 * write raises nothing, so rules never see it; a redelivered event (a crash, a retry, a second node) finds the runs
 * already logged and runs nothing twice.
 */
public final class AutomationSubscriber implements EventSubscriber {
    /** The name automation deliveries are stored under: for {@code events().backlog}, retries and dead letters. */
    public static final String NAME = "crmkit.automation";

    private final AutomationSettings settings;
    private final RuleRunner runner;
    private final TypeInterest interest;

    /** Created and registered by {@code Crm.builder().build()}; hosts do not create one. */
    public AutomationSubscriber(CrmContext<? extends AutomationTx> ctx, AutomationSettings settings) {
        this.settings = settings;
        this.runner = new RuleRunner(ctx, settings);
        this.interest = new TypeInterest(settings.ruleCacheTtl(), this::wanted);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(TenantId tenant, Class<? extends DomainEvent> type) {
        return interest.wants(tenant, EventTypes.nameOf(type));
    }

    /** The types the tenant's enabled rules run on or are cancelled by. */
    private TypeInterest.Wanted wanted(TenantId tenant) {
        Set<String> types = new HashSet<>();
        for (AutomationRule r : runner.in(tenant).read(tx -> tx.automation().list())) {
            if (r.enabled()) {
                types.add(r.definition().event());
                types.addAll(r.definition().unless());
            }
        }
        return new TypeInterest.Wanted(false, types);
    }

    /** Forgets what this node knows of the tenant's rules; the service calls it after each change commits. */
    void rulesChanged(TenantId tenant) {
        interest.changed(tenant);
    }

    @Override
    public void deliver(EventEnvelope event) {
        for (String[] record : records(event)) {
            deliver(event, record[0], record[1]);
        }
    }

    /**
     * The records an event is about, as {kind, id}: its aggregate, for recorded touchpoints each lead they are linked
     * to (rules on touchpoints act on leads), for a segment entered the record that entered; none for other events
     * without a record.
     */
    static List<String[]> records(EventEnvelope event) {
        if (!event.aggregateId().isEmpty() && !event.type().equals(RuleJson.SEGMENT_ENTERED)) {
            return List.<String[]>of(new String[] {event.aggregateType(), event.aggregateId()});
        }
        if (event.event() instanceof SegmentEntered entered) {
            return List.<String[]>of(new String[] {RuleJson.kindOf(entered.target()), entered.member().toString()});
        }
        if (event.event() instanceof TouchpointsRecorded recorded) {
            Set<String> leads = new LinkedHashSet<>();
            recorded.touchpoints().forEach(t -> {
                if (t.lead() != null) {
                    leads.add(t.lead().value().toString());
                }
            });
            return leads.stream().map(id -> new String[] {"Lead", id}).toList();
        }
        return List.of();
    }

    private void deliver(EventEnvelope event, String recordType, String recordId) {
        TenantId tenant = event.tenant();
        CrmContext<? extends AutomationTx> system = runner.in(tenant);
        // One read decides what to do; writes happen only for rules that run, wait or are cancelled.
        Plan plan = system.read(tx -> {
            AutomationRepository.Chain chain = tx.automation().chainOf(event.eventId())
                    .orElse(new AutomationRepository.Chain(event.eventId(), 0));
            Trigger trigger = new Trigger(chain.origin(), event.eventId(), event.type(), recordType, recordId,
                    chain.depth(), event.occurredAt());
            List<AutomationRule> cancelled = new ArrayList<>();
            List<AutomationRule> delayed = new ArrayList<>();
            List<AutomationRule> now = new ArrayList<>();
            for (AutomationRule rule : tx.automation().list()) {
                if (rule.definition().unless().contains(event.type())) {
                    cancelled.add(rule);
                }
                if (!rule.runsOn(event.type()) || rule.definition().segment() != null
                        && !(event.event() instanceof SegmentEntered e && e.segment().equals(rule.definition().segment()))) {
                    continue;
                }
                if (rule.definition().delayed()) {
                    delayed.add(rule);
                } else if (runner.wouldRun(tx, rule, trigger)) {
                    now.add(rule);
                }
            }
            return new Plan(trigger, cancelled, delayed, now);
        });
        Trigger trigger = plan.trigger();
        for (AutomationRule rule : plan.cancelled()) {
            system.write(tx -> tx.automation().cancel(rule.id(), trigger.recordId()));
        }
        for (AutomationRule rule : plan.delayed()) {
            system.write(tx -> {
                tx.automation().schedule(new DueRun(system.newId(), rule.id(), trigger.origin(), trigger.event(),
                        trigger.eventType(), trigger.recordType(), trigger.recordId(), trigger.depth(),
                        event.occurredAt().plus(rule.definition().after())));
                return null;
            });
        }
        for (AutomationRule rule : plan.now()) {
            runner.run(tenant, rule, trigger, null);
        }
    }

    /** What one delivery does: rules whose delayed runs it cancels, rules it schedules, rules it runs now. */
    private record Plan(Trigger trigger, List<AutomationRule> cancelled, List<AutomationRule> delayed,
                        List<AutomationRule> now) {
    }

    /** Runs the delayed runs of {@code caller}'s tenant due at its now; returns how many were taken. */
    int runDue(CrmContext<? extends AutomationTx> caller) {
        TenantId tenant = caller.actor().tenant();
        CrmContext<? extends AutomationTx> system = runner.in(tenant);
        int taken = 0;
        while (true) {
            Instant now = caller.now();
            List<DueRun> due = system.read(tx -> tx.automation().due(now, settings.dueBatchSize()));
            if (due.isEmpty()) {
                return taken;
            }
            Map<RuleId, AutomationRule> rules = new HashMap<>();
            system.read(tx -> tx.automation().list()).forEach(r -> rules.put(r.id(), r));
            for (DueRun d : due) {
                AutomationRule rule = rules.get(d.rule());
                if (rule == null || !rule.enabled()) {
                    system.write(tx -> tx.automation().take(d.id()));
                } else {
                    runner.run(tenant, rule, Trigger.of(d), d.id());
                }
                taken++;
            }
        }
    }
}
