package dev.crmkit.core.context;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;

/**
 * How the outbox dispatcher delivers to durable subscribers; give one to {@code Crm.builder().with(...)}.
 *
 * @param maxAttempts  tries before a delivery becomes a dead letter
 * @param firstBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff   the longest wait between tries
 * @param lease        how long a claimed delivery is reserved for the node that claimed it; after that another node
 *                     may deliver it again (so a node that died mid-delivery is replaced). Longer than any delivery.
 * @param batchSize    deliveries claimed per round trip
 */
public record DeliveryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration lease,
                             int batchSize) {
    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new ValidationException("maxAttempts", "must be at least 1");
        }
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new ValidationException("firstBackoff", "must be zero or positive");
        }
        if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new ValidationException("maxBackoff", "must not be shorter than firstBackoff");
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new ValidationException("lease", "must be positive");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new ValidationException("batchSize", "must be between 1 and 10000");
        }
    }

    /** 10 attempts, 1 s doubling up to 1 h, a 5-minute lease, batches of 200. */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMinutes(5), 200);
    }

    /** The wait before try {@code attempts + 1}, after {@code attempts} failures. */
    Duration backoff(int attempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
