package dev.crmkit.spring.boot;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs CRMKit's scheduled work on the one node of the application that holds the lease {@value #LEASE}: outbox
 * dispatch every {@code dispatchInterval}; every {@code interval}, for each configured tenant, case escalations, task
 * and calendar reminders, automation (delayed rules, overdue tasks, segment entries, nurture steps) and, when email
 * is configured, held emails.
 * Each run renews the lease; when this node stops it lets the lease go, when it dies the lease lapses after
 * {@code leaseTerm} and another node takes over. One failing job is logged and does not stop the others.
 */
final class CrmScheduler implements SmartLifecycle {
    static final String LEASE = "crmkit.scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(CrmScheduler.class);

    private final Crm crm;
    private final Leases leases;
    private final Clock clock;
    private final List<TenantId> tenants;
    private final Duration interval;
    private final Duration dispatchInterval;
    private final Duration leaseTerm;
    private final boolean email;
    private final String node = "node-" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    CrmScheduler(Crm crm, Leases leases, Clock clock, List<TenantId> tenants, Duration interval,
                 Duration dispatchInterval, Duration leaseTerm, boolean email) {
        this.crm = crm;
        this.leases = leases;
        this.clock = clock;
        this.tenants = List.copyOf(tenants);
        this.interval = interval;
        this.dispatchInterval = dispatchInterval;
        this.leaseTerm = leaseTerm;
        this.email = email;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crmkit-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::dispatch, 0, dispatchInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::runDue, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        try {
            leases.release(LEASE, node);
        } catch (RuntimeException e) {
            LOG.warn("could not release the scheduler lease; another node takes over when it lapses", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops before the {@code Crm} bean closes the storage, and starts after everything else is up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** Whether this node holds the scheduler now (renewing it); the leader's identity is this node's id. */
    boolean leading() {
        Instant now = clock.instant();
        try {
            return leases.acquire(LEASE, node, now, now.plus(leaseTerm));
        } catch (RuntimeException e) {
            LOG.warn("could not take the scheduler lease", e);
            return false;
        }
    }

    String node() {
        return node;
    }

    private void dispatch() {
        if (leading()) {
            run("outbox dispatch", () -> crm.events().dispatchDue());
        }
    }

    private void runDue() {
        if (!leading()) {
            return;
        }
        for (TenantId tenant : tenants) {
            Crm system = crm.as(new Actor(tenant, UserId.SYSTEM, Set.of(Actor.MANAGER, Actor.ADMIN)));
            run("case escalations of " + tenant, () -> system.cases().escalateOverdue());
            run("task reminders of " + tenant, () -> system.tasks().fireDueReminders());
            run("calendar reminders of " + tenant, () -> system.calendar().fireDueReminders());
            run("automation of " + tenant, () -> system.automation().runDue());
            if (email) {
                run("held emails of " + tenant, () -> system.email().sendDue());
            }
        }
    }

    private static void run(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("CRMKit scheduled {} failed; it runs again next time", job, e);
        }
    }
}
