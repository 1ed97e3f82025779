package dev.crmkit.core;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.segment.SegmentEvent;
import dev.crmkit.core.service.ServiceEvent;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.tracking.TrackingEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event types CRMKit raises, by their stable names (the record's simple name, e.g. {@code LeadCaptured}): the
 * {@code type} of outbox entries and webhook bodies, and what webhook filters name.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = collect(LeadEvent.class,
            CustomerEvent.class, TrackingEvent.class, SalesEvent.class, TaskEvent.class, SegmentEvent.class,
            ServiceEvent.class);
    private static final Map<Class<?>, RecordComponent> SUBJECT = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    /** Every event type's name. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The type named {@code name}, if CRMKit raises it. */
    public static Optional<Class<? extends DomainEvent>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The stable name of {@code type}. */
    public static String nameOf(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }

    @SafeVarargs
    private static Map<String, Class<? extends DomainEvent>> collect(Class<? extends DomainEvent>... roots) {
        Map<String, Class<? extends DomainEvent>> byName = new LinkedHashMap<>();
        for (Class<? extends DomainEvent> root : roots) {
            for (Class<?> permitted : root.getPermittedSubclasses()) {
                Class<? extends DomainEvent> type = permitted.asSubclass(DomainEvent.class);
                if (byName.put(nameOf(type), type) != null) {
                    throw new IllegalStateException("two event types are named " + nameOf(type));
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The record an event is about, as {type, id}: its first component (after tenant and time) that is an aggregate
     * or an id; {"", ""} when there is none.
     */
    static String[] subjectOf(DomainEvent event) {
        RecordComponent component = SUBJECT.computeIfAbsent(event.getClass(), EventTypes::subjectComponent);
        if (component == NONE) {
            return new String[] {"", ""};
        }
        Object value;
        try {
            value = component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
        if (value instanceof Versioned<?, ?> aggregate) {
            return new String[] {value.getClass().getSimpleName(), aggregate.id().value().toString()};
        }
        if (value instanceof EntityId id) {
            String name = value.getClass().getSimpleName();
            return new String[] {name.endsWith("Id") ? name.substring(0, name.length() - 2) : name,
                    id.value().toString()};
        }
        return new String[] {"", ""};
    }

    private static final RecordComponent NONE = TenantHolder.class.getRecordComponents()[0];

    private record TenantHolder(Object none) {
    }

    private static RecordComponent subjectComponent(Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (Versioned.class.isAssignableFrom(c.getType()) || EntityId.class.isAssignableFrom(c.getType())) {
                    return c;
                }
            }
        }
        return NONE;
    }
}
