package dev.crmkit.core.context;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Events of committed writes, two ways:
 * <ul>
 *   <li>{@link #subscribe listeners}: in-process, called synchronously on the writing thread right after the commit
 *   (after the host's commit when the write joined a host transaction), never for a rollback. At most once: a
 *   listener that throws is logged and skipped, and nothing survives a crash. For caches and screens.</li>
 *   <li>{@link #register durable subscribers}: each event is stored in the write's own transaction (the outbox) and
 *   delivered at least once, in commit order per record, by {@link #dispatchDue()} on the host's schedule or by
 *   {@link #startDispatcher the built-in dispatcher}. Failures are retried with backoff ({@link DeliveryPolicy}),
 *   then kept as {@link #deadLetters dead letters}. For work that must happen: emails, webhooks, automation.</li>
 * </ul>
 * Several nodes may share one database: a delivery is claimed by one node at a time (a lease), and a node that dies
 * mid-delivery is replaced when its lease runs out.
 */
public final class EventBus {
    private final EventHub hub;
    private final Actor actor;

    EventBus(EventHub hub, Actor actor) {
        this.hub = hub;
        this.actor = actor;
    }

    /** Calls {@code listener} for every committed event of {@code type} (or a subtype); returns a handle to stop. */
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        return hub.listen(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Registers a durable subscriber for every tenant; events committed from now on are stored for it, and those
     * stored under its name before (e.g. before a restart) are delivered to it. Closing the handle stops storing new
     * ones; what is stored waits for the name to be registered again. A second subscriber of the same name is an
     * {@code IllegalStateException}.
     */
    public AutoCloseable register(EventSubscriber subscriber) {
        return hub.register(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * Delivers every due event to the durable subscribers registered on this node (all tenants), including events
     * committed while it runs; returns how many deliveries succeeded. Call it on the host's schedule, outside any
     * transaction, from one or more nodes.
     */
    public int dispatchDue() {
        return hub.dispatchDue();
    }

    /**
     * Starts a daemon thread that dispatches every {@code pollEvery}, and at once after each write on this node that
     * stored events. Close the handle (or the {@code Crm}) to stop it.
     */
    public AutoCloseable startDispatcher(Duration pollEvery) {
        return hub.startDispatcher(pollEvery);
    }

    /**
     * When the oldest event still waiting for a durable subscriber occurred, over every tenant (empty when nothing
     * waits): its age is the dispatch lag to monitor. Needs the ADMIN role.
     */
    public Optional<Instant> oldestPending() {
        actor.require(Actor.ADMIN, "read the event backlog");
        return hub.storage().outbox().oldestPending();
    }

    /** This tenant's deliveries that were given up, newest first; needs the ADMIN role. */
    public Page<DeadLetter> deadLetters(PageRequest page) {
        actor.require(Actor.ADMIN, "read dead letters");
        return hub.storage().outbox().dead(actor.tenant(), Objects.requireNonNull(page, "page"))
                .map(e -> new DeadLetter(hub.envelope(e), e.subscriber(), e.attempts(), e.lastError()));
    }

    /** Makes a dead letter of this tenant due again with fresh attempts; false if there is none. Needs ADMIN. */
    public boolean retry(UUID eventId, String subscriber) {
        actor.require(Actor.ADMIN, "retry dead letters");
        return hub.storage().outbox().retry(actor.tenant(), Objects.requireNonNull(eventId, "eventId"),
                Objects.requireNonNull(subscriber, "subscriber"), hub.clock().instant());
    }

    /** How many of this tenant's deliveries to {@code subscriber} are waiting (pending or being retried, not dead). */
    public long backlog(String subscriber) {
        return hub.storage().outbox().pending(actor.tenant(), Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Deletes deliveries of every tenant done more than {@code age} ago; returns how many. Needs ADMIN. */
    public int purgeDelivered(Duration age) {
        actor.require(Actor.ADMIN, "purge delivered events");
        return hub.storage().outbox().purgeDelivered(hub.clock().instant().minus(age));
    }
}
