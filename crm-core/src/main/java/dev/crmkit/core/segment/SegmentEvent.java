package dev.crmkit.core.segment;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;

/** Events of segments, published after the write that caused them committed. */
public sealed interface SegmentEvent extends DomainEvent {

    /** A segment was created ({@code version} 1) or its name or criteria changed. */
    record SegmentSaved(TenantId tenant, Instant occurredAt, Segment segment) implements SegmentEvent {
    }
}
