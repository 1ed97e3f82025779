package dev.crmkit.core.context;

import org.jspecify.annotations.Nullable;

/**
 * A delivery the dispatcher gave up on after {@link DeliveryPolicy#maxAttempts()} tries; it stays until retried
 * with {@link EventBus#retry}. Later events of the same record were delivered past it.
 *
 * @param lastError why the last try failed (the exception's type and message)
 */
public record DeadLetter(EventEnvelope event, String subscriber, int attempts, @Nullable String lastError) {
}
