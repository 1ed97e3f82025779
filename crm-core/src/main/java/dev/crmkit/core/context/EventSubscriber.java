package dev.crmkit.core.context;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A durable subscriber: each committed event it {@link #accepts} is stored for it in the write's own transaction
 * (the outbox) and delivered by the dispatcher at least once, in commit order per record, after the commit. A
 * delivery that throws is retried with backoff and, after {@link DeliveryPolicy#maxAttempts()}, becomes a dead letter
 * ({@link EventBus#deadLetters}). Register with {@link EventBus#register}; the name must stay the same across
 * restarts, so events stored before a crash reach the subscriber registered under that name after it.
 */
public interface EventSubscriber {
    /** Stable and unique per application: deliveries are stored under it (at most 100 characters). */
    String name();

    /** Whether events of {@code type} in {@code tenant} are for this subscriber; the default takes every event. */
    default boolean accepts(TenantId tenant, Class<? extends DomainEvent> type) {
        return true;
    }

    /** Handles one event; throwing means "not handled", and the delivery is retried. */
    void deliver(EventEnvelope event) throws Exception;

    /** A subscriber named {@code name} that hands each committed event of {@code type} (or a subtype) to {@code handler}. */
    static <E extends DomainEvent> EventSubscriber of(String name, Class<E> type, Consumer<? super E> handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        return new EventSubscriber() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean accepts(TenantId tenant, Class<? extends DomainEvent> eventType) {
                return type.isAssignableFrom(eventType);
            }

            @Override
            public void deliver(EventEnvelope event) {
                handler.accept(type.cast(event.event()));
            }
        };
    }
}
