package dev.crmkit.core.testkit;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.context.EventSubscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A durable subscriber that takes every event of one tenant and keeps what it was delivered, in order. */
public class EventRecorder implements EventSubscriber {
    private final String name;
    private final TenantId tenant;
    /** What was delivered, in delivery order. */
    public final List<EventEnvelope> got = new CopyOnWriteArrayList<>();

    /** Named {@code prefix-<tenant>}, so tests sharing a database never receive each other's events. */
    public EventRecorder(String prefix, TenantId tenant) {
        this.name = prefix + "-" + tenant.value();
        this.tenant = tenant;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(TenantId t, Class<? extends DomainEvent> type) {
        return t.equals(tenant);
    }

    @Override
    public void deliver(EventEnvelope event) throws Exception {
        got.add(event);
    }

    /** The delivered events' type names. */
    public List<String> types() {
        return got.stream().map(EventEnvelope::type).toList();
    }

    /** The delivered events, read back from their JSON. */
    public List<DomainEvent> events() {
        return got.stream().map(EventEnvelope::event).toList();
    }
}
