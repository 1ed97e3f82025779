package dev.crmkit.core.context;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A committed event as a durable {@link EventSubscriber} receives it. Delivery is at least once: the same
 * {@link #eventId()} can arrive again (after a crash, a lease that ran out, or a retry), so a subscriber drops ids it
 * has handled. {@link #payload()} is the event as JSON (the body of webhooks); {@link #event()} reads it back.
 */
public final class EventEnvelope {
    private final UUID eventId;
    private final String type;
    private final TenantId tenant;
    private final Instant occurredAt;
    private final String aggregateType;
    private final String aggregateId;
    private final int attempt;
    private final String payload;
    private final Supplier<DomainEvent> reader;
    private @Nullable DomainEvent event;

    EventEnvelope(UUID eventId, String type, TenantId tenant, Instant occurredAt, String aggregateType,
                  String aggregateId, int attempt, String payload, Supplier<DomainEvent> reader) {
        this.eventId = Objects.requireNonNull(eventId);
        this.type = Objects.requireNonNull(type);
        this.tenant = Objects.requireNonNull(tenant);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.attempt = attempt;
        this.payload = Objects.requireNonNull(payload);
        this.reader = reader;
    }

    /** Unique per event, the same on every delivery of it: the idempotency key. */
    public UUID eventId() {
        return eventId;
    }

    /** The event type's name, e.g. {@code LeadCaptured} (see {@code events.EventTypes}). */
    public String type() {
        return type;
    }

    public TenantId tenant() {
        return tenant;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The kind of record the event is about, e.g. {@code Lead}; empty when it is about none. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The id of that record; empty when there is none. Events of one record arrive in commit order. */
    public String aggregateId() {
        return aggregateId;
    }

    /** 1 on the first delivery, 2 on the first retry, and so on. */
    public int attempt() {
        return attempt;
    }

    /** The event as JSON. */
    public String payload() {
        return payload;
    }

    /** The event itself, read from the payload on first use. */
    public synchronized DomainEvent event() {
        if (event == null) {
            event = reader.get();
        }
        return event;
    }

    @Override
    public String toString() {
        return type + " " + eventId + " (" + aggregateType + " " + aggregateId + ", attempt " + attempt + ")";
    }
}
