package dev.crmkit.jpa;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.task.TaskEvent.TaskCreated;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The application {@link AutomationCrashTest} kills: stores a delayed rule, captures {@code count} leads, delivers
 * their events (scheduling one delayed run each), prints the lead ids, then runs the due runs a day later, printing
 * each task the rule created once its run committed, slowly enough for the test to stop the JVM with
 * {@code destroyForcibly()} mid-batch.
 */
public final class AutomationCrashChild {
    private AutomationCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        TenantId tenant = TenantId.of(args[1]);
        int count = Integer.parseInt(args[2]);
        JpaStorage storage = JpaStorage.create(OutboxCrashChild.dataSource(url));
        Actor admin = new Actor(tenant, UserId.SYSTEM, Set.of(Actor.ADMIN, Actor.MANAGER));
        // Not closed: closing a CRM closes its storage, which the second one goes on with.
        Crm crm = Crm.builder().storage(storage).actor(admin).build();
        crm.automation().create("""
                {"name": "chase", "event": "LeadCaptured", "after": "PT1H",
                 "actions": [{"type": "createTask", "title": "Chase", "assignee": {"user": "rep-2"}}]}""");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LeadId id = crm.leads().capture(NewLead.of("Lead", "No" + i, "lead" + i + "@example.com"));
            ids.add(id.toString());
        }
        crm.events().dispatchDue();
        System.out.println("SCHEDULED " + String.join(",", ids));
        System.out.flush();
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
        try (Crm dayLater = Crm.builder().storage(storage).actor(admin).clock(later).build()) {
            dayLater.events().subscribe(TaskCreated.class, e -> {
                System.out.println("RAN " + e.task().subject().id());
                System.out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            dayLater.automation().runDue();
        }
    }
}
