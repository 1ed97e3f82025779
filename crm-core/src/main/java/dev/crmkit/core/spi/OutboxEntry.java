package dev.crmkit.core.spi;

import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of one committed event to one durable subscriber, as the outbox stores it. {@code sequence} is
 * assigned by the storage when the write commits and orders the deliveries of one subscriber and aggregate in commit
 * order; it is 0 for an entry not stored yet.
 *
 * @param aggregateType the kind of record the event is about ({@code "Lead"}), {@code ""} when none
 * @param aggregateId   that record's id, {@code ""} when none
 * @param payload       the event as JSON
 * @param attempts      deliveries tried so far
 * @param lastError     why the last attempt failed, or null
 */
public record OutboxEntry(long sequence, UUID eventId, String subscriber, TenantId tenant, String eventType,
                          String aggregateType, String aggregateId, Instant occurredAt, String payload, int attempts,
                          @Nullable String lastError) {
    /** Longest subscriber name. */
    public static final int MAX_SUBSCRIBER = 100;
    /** Longest stored error text; longer ones are cut. */
    public static final int MAX_ERROR = 1000;

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }
}
