package dev.crmkit.core.segment;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.SegmentId;
import java.time.Instant;
import java.util.UUID;

/** Events of segments, published after the write that caused them committed. */
public sealed interface SegmentEvent extends DomainEvent {

    /** A segment was created ({@code version} 1) or its name or criteria changed. */
    record SegmentSaved(TenantId tenant, Instant occurredAt, Segment segment) implements SegmentEvent {
    }

    /**
     * A record ({@code member}, a lead, contact or account by {@code target}) entered a segment that workflow rules
     * watch: raised by {@code crm.automation().runDue()}, which compares the segment's members with those it saw
     * the last time.
     */
    record SegmentEntered(TenantId tenant, Instant occurredAt, SegmentId segment, SegmentTarget target, UUID member)
            implements SegmentEvent {
    }
}
