package dev.crmkit.core.events;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.customer.CustomerEvent;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.segment.SegmentEvent;
import dev.crmkit.core.service.ServiceEvent;
import dev.crmkit.core.task.TaskEvent;
import dev.crmkit.core.tracking.TrackingEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event types CRMKit raises, by their stable names (the record's simple name, e.g. {@code LeadCaptured}): the
 * {@code type} of outbox entries and webhook bodies, and what webhook filters name.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = collect(LeadEvent.class,
            CustomerEvent.class, TrackingEvent.class, SalesEvent.class, TaskEvent.class, SegmentEvent.class,
            ServiceEvent.class);

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
}
