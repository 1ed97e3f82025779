package dev.crmkit.core.context;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Versioned;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the outbox stores about an event besides its JSON: its type's name and the record it is about. */
final class EventSubjects {
    private static final Map<Class<?>, RecordComponent> SUBJECT = new ConcurrentHashMap<>();

    private EventSubjects() {
    }

    /** The stable name of {@code type} (as {@code EventTypes.nameOf}). */
    static String nameOf(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }

    /**
     * The record an event is about, as {type, id}: its first component (after tenant and time) that is an aggregate
     * or an id; {"", ""} when there is none.
     */
    static String[] subjectOf(DomainEvent event) {
        RecordComponent component = SUBJECT.computeIfAbsent(event.getClass(), EventSubjects::subjectComponent);
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
