package dev.crmkit.core.context;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.spi.OutboxEntry;
import dev.crmkit.core.spi.StoragePort;
import dev.crmkit.core.spi.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code Crm} and all its per-user views share about events: in-process listeners, durable subscribers,
 * the outbox dispatch and the built-in dispatcher thread.
 */
final class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** Bounds one {@code dispatchDue} call when events keep arriving while it runs. */
    private static final int MAX_ROUNDS = 1000;

    private record Listener<E>(Class<E> type, Consumer<? super E> listener) {
        void offer(DomainEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final StoragePort<?> storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DeliveryPolicy policy;
    /** The event type of a stored name; the catalogue lives above the capabilities that define the types. */
    private final Function<String, Optional<Class<? extends DomainEvent>>> eventTypes;
    /** Leases name the node that holds them; a node is one hub. */
    private final String node = "node-" + UUID.randomUUID();
    private final List<Listener<?>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, EventSubscriber> subscribers = new ConcurrentHashMap<>();
    private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

    EventHub(StoragePort<?> storage, Clock clock, IdGenerator ids, DeliveryPolicy policy,
             Function<String, Optional<Class<? extends DomainEvent>>> eventTypes) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
        this.policy = policy;
        this.eventTypes = eventTypes;
    }

    <E extends DomainEvent> AutoCloseable listen(Class<E> type, Consumer<? super E> listener) {
        Listener<E> l = new Listener<>(type, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    AutoCloseable register(EventSubscriber subscriber) {
        String name = subscriber.name();
        if (name == null || name.isBlank() || name.length() > OutboxEntry.MAX_SUBSCRIBER) {
            throw new ValidationException("name",
                    "must be 1 to " + OutboxEntry.MAX_SUBSCRIBER + " characters");
        }
        if (subscribers.putIfAbsent(name, subscriber) != null) {
            throw new IllegalStateException("a subscriber named " + name + " is registered already");
        }
        return () -> subscribers.remove(name, subscriber);
    }

    /**
     * Stores {@code events} in the outbox of the write {@code tx} for every durable subscriber that takes them, and
     * has them published to in-process listeners once it commits. Returns the ids they were stored under.
     */
    List<UUID> stage(Tx tx, List<DomainEvent> events) {
        List<UUID> stored = new ArrayList<>();
        List<OutboxEntry> entries = new ArrayList<>();
        for (DomainEvent event : events) {
            List<EventSubscriber> takers = new ArrayList<>(2);
            for (EventSubscriber s : subscribers.values()) {
                if (accepts(s, event)) {
                    takers.add(s);
                }
            }
            if (takers.isEmpty()) {
                continue;
            }
            String payload = EventJson.write(event);
            String[] subject = EventSubjects.subjectOf(event);
            UUID eventId = ids.next();
            stored.add(eventId);
            for (EventSubscriber s : takers) {
                entries.add(new OutboxEntry(0, eventId, s.name(), event.tenant(),
                        EventSubjects.nameOf(event.getClass()), subject[0], subject[1], event.occurredAt(), payload, 0,
                        null));
            }
        }
        if (!entries.isEmpty()) {
            tx.outbox().append(entries);
        }
        tx.afterCommit(() -> {
            publish(events);
            if (!entries.isEmpty()) {
                dispatchers.forEach(Dispatcher::wake);
            }
        });
        return stored;
    }

    /** A subscriber whose filter fails gets the event: a bug in a filter must not fail every write, nor lose events. */
    private static boolean accepts(EventSubscriber s, DomainEvent event) {
        try {
            return s.accepts(event.tenant(), event.getClass());
        } catch (RuntimeException e) {
            LOG.warn("{} failed to filter {}; storing it for delivery", s.name(), event.getClass().getSimpleName(), e);
            return true;
        }
    }

    private void publish(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (Listener<?> l : listeners) {
                try {
                    l.offer(event);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** Delivers every due outbox entry of the registered subscribers; returns how many were delivered. */
    int dispatchDue() {
        int delivered = 0;
        Outbox outbox = storage.outbox();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> names = List.copyOf(subscribers.keySet());
            if (names.isEmpty()) {
                break;
            }
            Instant now = clock.instant();
            List<OutboxEntry> batch = outbox.claim(names, now, policy.batchSize(), node, now.plus(policy.lease()));
            if (batch.isEmpty()) {
                break;
            }
            List<Long> done = new ArrayList<>(batch.size());
            for (OutboxEntry entry : batch) {
                EventSubscriber subscriber = subscribers.get(entry.subscriber());
                if (subscriber == null) {
                    continue; // unregistered meanwhile: it stays leased, then due again for whoever registers it
                }
                try {
                    subscriber.deliver(envelope(entry));
                    done.add(entry.sequence());
                } catch (Exception | AssertionError e) {
                    failed(outbox, entry, e);
                }
            }
            outbox.delivered(done, clock.instant());
            delivered += done.size();
        }
        return delivered;
    }

    private void failed(Outbox outbox, OutboxEntry entry, Throwable e) {
        int attempts = entry.attempts() + 1;
        boolean dead = attempts >= policy.maxAttempts();
        String error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (error.length() > OutboxEntry.MAX_ERROR) {
            error = error.substring(0, OutboxEntry.MAX_ERROR);
        }
        Instant now = clock.instant();
        outbox.failed(entry.sequence(), attempts, error, dead ? now : now.plus(policy.backoff(attempts)), dead);
        if (dead) {
            LOG.error("{} gave up on {} {} after {} attempts: {}", entry.subscriber(), entry.eventType(),
                    entry.eventId(), attempts, e.toString());
        } else {
            LOG.warn("{} failed on {} {} (attempt {}), will retry: {}", entry.subscriber(), entry.eventType(),
                    entry.eventId(), attempts, e.toString());
        }
    }

    EventEnvelope envelope(OutboxEntry e) {
        return new EventEnvelope(e.eventId(), e.eventType(), e.tenant(), e.occurredAt(), e.aggregateType(),
                e.aggregateId(), e.attempts() + 1, e.payload(), () -> EventJson.read(e.payload(),
                eventTypes.apply(e.eventType()).orElseThrow(() -> new IllegalStateException(
                        "unknown event type " + e.eventType()))));
    }

    StoragePort<?> storage() {
        return storage;
    }

    Clock clock() {
        return clock;
    }

    AutoCloseable startDispatcher(Duration pollEvery) {
        Dispatcher d = new Dispatcher(this, pollEvery);
        dispatchers.add(d);
        d.start();
        return () -> {
            dispatchers.remove(d);
            d.close();
        };
    }

    void close() {
        for (Dispatcher d : dispatchers) {
            d.close();
        }
        dispatchers.clear();
    }
}
