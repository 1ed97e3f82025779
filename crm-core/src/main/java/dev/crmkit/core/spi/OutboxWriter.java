package dev.crmkit.core.spi;

import java.util.List;

/** Adds outbox entries inside a write transaction: they become visible to the dispatcher when it commits. */
public interface OutboxWriter {
    /** Stores {@code entries} (their sequence is ignored) as PENDING and due at once. */
    void append(List<OutboxEntry> entries);
}
