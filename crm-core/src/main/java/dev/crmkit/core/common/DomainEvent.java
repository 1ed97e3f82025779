package dev.crmkit.core.common;

import java.time.Instant;

/** Something that happened, published to listeners after the write that caused it committed. */
public interface DomainEvent {
    TenantId tenant();

    Instant occurredAt();
}
