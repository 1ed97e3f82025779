package dev.crmkit.core.context;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.spi.StoragePort;
import dev.crmkit.core.spi.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every service needs: the storage, the acting user, time, ids, settings and the event bus. Handed to services
 * by {@code Crm}; hosts normally never touch it. {@code X} is the storage transaction the context hands to work:
 * {@code Crm} builds it on the full {@code StorageTx}, services take it for the view of their capability.
 */
public final class CrmContext<X extends Tx> {
    private static final ThreadLocal<List<DomainEvent>> PENDING = new ThreadLocal<>();

    private final StoragePort<X> storage;
    private final Actor actor;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventHub events;
    private final CrmSettings settings;
    private final WriteDecorator writes;

    private CrmContext(StoragePort<X> storage, Actor actor, Clock clock, IdGenerator ids, EventHub events,
                       CrmSettings settings, WriteDecorator writes) {
        this.storage = storage;
        this.actor = actor;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.settings = settings;
        this.writes = writes;
    }

    /**
     * A context for {@code actor} over {@code storage}, with an event bus of its own (its outbox dispatch and
     * dispatcher threads); {@code settings} are configuration objects and host ports by class, {@code eventTypes}
     * finds the event type of a stored name, {@code writes} sees every write transaction before its work. Made by
     * {@code Crm.Builder}.
     */
    public static <X extends Tx> CrmContext<X> create(
            StoragePort<X> storage, Actor actor, Clock clock, IdGenerator ids, Map<Class<?>, Object> settings,
            Function<String, Optional<Class<? extends DomainEvent>>> eventTypes, WriteDecorator writes) {
        CrmSettings configured = new CrmSettings(settings);
        EventHub hub = new EventHub(storage, clock, ids,
                configured.get(DeliveryPolicy.class, DeliveryPolicy::defaults), eventTypes);
        return new CrmContext<>(storage, actor, clock, ids, hub, configured, writes);
    }

    /** This context acting for {@code other}: same storage, clock, ids, settings and event bus. */
    public CrmContext<X> as(Actor other) {
        return new CrmContext<>(storage, other, clock, ids, events, settings, writes);
    }

    /** The event bus, for this context's actor. */
    public EventBus events() {
        return new EventBus(events, actor);
    }

    /** Stops the built-in event dispatchers started on this context's event bus (shared with {@link #as} views). */
    public void stopDispatchers() {
        events.close();
    }

    public Actor actor() {
        return actor;
    }

    public UserId user() {
        return actor.user();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public UUID newId() {
        return ids.next();
    }

    /** The setting of {@code type} given to the builder, or {@code defaults}. */
    public <T> T setting(Class<T> type, Supplier<T> defaults) {
        return settings.get(type, defaults);
    }

    /** Runs {@code work} read-only in the actor's tenant. */
    public <T> T read(Function<? super X, T> work) {
        return storage.read(actor.tenant(), work::apply);
    }

    /**
     * Runs {@code work} in a write transaction of the actor's tenant. Events {@link #raise raised} inside are stored
     * in the same transaction for durable subscribers and published to listeners after it commits (after the host's
     * commit when the storage joined a host transaction); a rollback drops them. Nested calls join the outer one.
     */
    public <T> T write(Function<? super X, T> work) {
        if (PENDING.get() != null) {
            return storage.write(actor.tenant(), tx -> work.apply(writes.decorate(tx, actor, work)));
        }
        return write(work, (tx, staged) -> { });
    }

    /**
     * Like {@link #write(Function)} as the outermost write, and then, still inside its transaction, hands
     * {@code staged} the ids under which the events {@code work} raised were stored for durable subscribers (so
     * that what is recorded about those events commits with them).
     */
    public <T> T write(Function<? super X, T> work, BiConsumer<? super X, List<UUID>> staged) {
        if (PENDING.get() != null) {
            throw new IllegalStateException("a write observing its events cannot join another write");
        }
        List<DomainEvent> pending = new ArrayList<>();
        PENDING.set(pending);
        try {
            return storage.write(actor.tenant(), tx -> {
                // A storage may run the work again (a connection broken before any statement ran): start afresh.
                pending.clear();
                PENDING.set(pending);
                T result = work.apply(writes.decorate(tx, actor, work));
                // Done raising: after-commit listeners that write again start writes (and event lists) of their own.
                PENDING.remove();
                staged.accept(tx, pending.isEmpty() ? List.of() : events.stage(tx, List.copyOf(pending)));
                return result;
            });
        } finally {
            PENDING.remove();
        }
    }

    /**
     * Whether writes may run on another thread than the caller's: not inside a write of this thread, nor when the
     * storage would join a transaction the caller holds (a host's), which another thread would not share.
     */
    public boolean writesMayLeaveThread() {
        return PENDING.get() == null && !storage.joinsCallerTransaction();
    }

    /** Queues {@code event} for publication when the current write commits. */
    public void raise(DomainEvent event) {
        List<DomainEvent> pending = PENDING.get();
        if (pending == null) {
            throw new IllegalStateException("events can only be raised inside CrmContext.write");
        }
        pending.add(event);
    }
}
