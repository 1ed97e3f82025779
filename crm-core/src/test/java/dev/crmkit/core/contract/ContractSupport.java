package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.EventRecorder;
import dev.crmkit.core.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every contract suite. An adapter's test supplies {@link #storage()}; each test then runs in a tenant of
 * its own, so one database schema can serve a whole run and tests never see each other's data.
 */
public abstract class ContractSupport {
    /** Start of time in every contract test: a Monday morning. */
    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    protected MutableClock clock;
    protected TenantId tenant;
    protected Actor actor;
    protected Crm crm;

    /** The storage under test; may be shared by all tests of a run (see the class comment). */
    protected abstract Storage storage();

    private final List<DomainEvent> raised = new CopyOnWriteArrayList<>();
    private final List<Crm> observed = new ArrayList<>();
    private EventRecorder roundTrip;

    @BeforeEach
    void setUpContract() {
        clock = new MutableClock(START);
        tenant = freshTenant();
        actor = new Actor(tenant, UserId.of("rep-1"), Set.of(Actor.MANAGER, Actor.ADMIN));
        crm = observe(Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(actor)
                .build());
    }

    /** A CRM on the same storage, clock, tenant and actor, configured with {@code settings} (rules objects). */
    protected Crm crmWith(Object... settings) {
        Crm.Builder b = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(actor);
        for (Object s : settings) {
            b.with(s);
        }
        return observe(b.build());
    }

    /**
     * Every suite doubles as a test of the outbox: each event a test's writes raise is also stored for a durable
     * subscriber of this tenant, and after the test the dispatcher must deliver exactly those events, read back from
     * their stored JSON, in the order they were raised.
     */
    private Crm observe(Crm c) {
        TenantId mine = tenant;
        if (roundTrip == null) {
            roundTrip = new EventRecorder("contract", tenant);
        }
        c.events().subscribe(DomainEvent.class, e -> {
            if (e.tenant().equals(mine)) {
                raised.add(e);
            }
        });
        c.events().register(roundTrip);
        observed.add(c);
        return c;
    }

    @AfterEach
    void everyRaisedEventIsDeliveredThroughTheOutbox() {
        for (Crm c : observed) {
            c.events().dispatchDue();
        }
        assertThat(roundTrip.events()).as("events delivered through the outbox, read back from JSON")
                .containsExactlyInAnyOrderElementsOf(raised);
    }

    protected static TenantId freshTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 18));
    }

    /** The same CRM acting as another user of the same tenant. */
    protected Crm as(String user, String... roles) {
        return crm.as(new Actor(tenant, UserId.of(user), Set.of(roles)));
    }
}
