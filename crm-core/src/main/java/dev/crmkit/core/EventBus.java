package dev.crmkit.core;

import dev.crmkit.core.common.DomainEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers domain events to listeners, synchronously, after the write that raised them committed. A failing listener
 * is logged and does not affect the write or other listeners: the change has already happened.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Subscription<E>(Class<E> type, Consumer<? super E> listener) {
        void offer(DomainEvent event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} for every committed event of {@code type} (or a subtype); returns a handle to stop. */
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        Subscription<E> s = new Subscription<>(type, listener);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    void publish(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (Subscription<?> s : subscriptions) {
                try {
                    s.offer(event);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
