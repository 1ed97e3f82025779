package dev.crmkit.core.memory;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.spi.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The outbox of every tenant in memory. Entries arrive when their write transaction commits (under the tenant's
 * write lock, so their sequence is in commit order per aggregate); one monitor guards the rest, which is short work.
 */
final class MemoryOutbox implements Outbox {
    private enum Status { PENDING, DELIVERED, DEAD }

    private static final class Row {
        OutboxEntry entry;
        Status status = Status.PENDING;
        Instant dueAt;
        @Nullable Instant deliveredAt;
        @Nullable Instant deadAt;

        Row(OutboxEntry entry, Instant dueAt) {
            this.entry = entry;
            this.dueAt = dueAt;
        }

        String aggregateKey() {
            return entry.subscriber() + '\u0000' + entry.tenant().value() + '\u0000' + entry.aggregateType() + '\u0000'
                    + entry.aggregateId();
        }
    }

    /** Every row by sequence; {@code pending} indexes the ones claims look at, so delivered rows cost them nothing. */
    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private final TreeMap<Long, Row> pending = new TreeMap<>();
    private long lastSequence;

    /** Stores entries of a committing transaction, due at once. */
    synchronized void commit(List<OutboxEntry> entries) {
        for (OutboxEntry e : entries) {
            long seq = ++lastSequence;
            Row row = new Row(new OutboxEntry(seq, e.eventId(), e.subscriber(), e.tenant(), e.eventType(),
                    e.aggregateType(), e.aggregateId(), e.occurredAt(), e.payload(), 0, null), Instant.MIN);
            rows.put(seq, row);
            pending.put(seq, row);
        }
    }

    /** Deletes the tenant's entries about these aggregates, whatever their status (an erasure's). */
    synchronized void forget(TenantId tenant, Set<String> aggregateIds) {
        rows.values().removeIf(r -> r.entry.tenant().equals(tenant) && aggregateIds.contains(r.entry.aggregateId()));
        pending.values().removeIf(r -> r.entry.tenant().equals(tenant)
                && aggregateIds.contains(r.entry.aggregateId()));
    }

    /** Rewrites the payloads of the tenant's entries that contain any of {@code traces} through {@code scrub}. */
    synchronized void scrub(TenantId tenant, List<String> traces, UnaryOperator<String> scrub) {
        for (Row r : rows.values()) {
            OutboxEntry e = r.entry;
            if (e.tenant().equals(tenant) && traces.stream().anyMatch(e.payload()::contains)) {
                r.entry = new OutboxEntry(e.sequence(), e.eventId(), e.subscriber(), e.tenant(), e.eventType(),
                        e.aggregateType(), e.aggregateId(), e.occurredAt(), scrub.apply(e.payload()), e.attempts(),
                        e.lastError());
            }
        }
    }

    @Override
    public synchronized List<OutboxEntry> claim(Collection<String> subscribers, Instant now, int limit, String owner,
                                                Instant leaseUntil) {
        Set<String> wanted = Set.copyOf(subscribers);
        Set<String> heldBack = new HashSet<>();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Row row : pending.values()) {
            if (claimed.size() >= limit) {
                break;
            }
            if (!wanted.contains(row.entry.subscriber())) {
                continue;
            }
            // Only the earliest pending entry of a subscriber and aggregate may go; later ones wait for it.
            if (!heldBack.add(row.aggregateKey())) {
                continue;
            }
            if (!row.dueAt.isAfter(now)) {
                row.dueAt = leaseUntil;
                claimed.add(row.entry);
            }
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(Collection<Long> sequences, Instant at) {
        for (Long seq : sequences) {
            Row row = rows.get(seq);
            if (row != null && row.status == Status.PENDING) {
                row.status = Status.DELIVERED;
                row.deliveredAt = at;
                pending.remove(seq);
            }
        }
    }

    @Override
    public synchronized void failed(long sequence, int attempts, String error, Instant retryAt, boolean dead) {
        Row row = rows.get(sequence);
        if (row == null || row.status != Status.PENDING) {
            return;
        }
        row.entry = withAttempts(row.entry, attempts, error);
        row.dueAt = retryAt;
        if (dead) {
            row.status = Status.DEAD;
            row.deadAt = retryAt;
            pending.remove(sequence);
        }
    }

    @Override
    public synchronized Page<OutboxEntry> dead(TenantId tenant, PageRequest page) {
        List<OutboxEntry> dead = rows.descendingMap().values().stream()
                .filter(r -> r.status == Status.DEAD && r.entry.tenant().equals(tenant))
                .sorted(Comparator.comparing((Row r) -> r.deadAt).reversed())
                .map(r -> r.entry).toList();
        return Page.of(dead, page);
    }

    @Override
    public synchronized boolean retry(TenantId tenant, UUID eventId, String subscriber, Instant now) {
        for (Row row : rows.values()) {
            OutboxEntry e = row.entry;
            if (row.status == Status.DEAD && e.tenant().equals(tenant) && e.eventId().equals(eventId)
                    && e.subscriber().equals(subscriber)) {
                row.status = Status.PENDING;
                row.dueAt = now;
                pending.put(e.sequence(), row);
                row.deadAt = null;
                row.entry = withAttempts(e, 0, e.lastError());
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized long pending(TenantId tenant, String subscriber) {
        return pending.values().stream().filter(r -> r.entry.tenant().equals(tenant)
                && r.entry.subscriber().equals(subscriber)).count();
    }

    @Override
    public synchronized Optional<Instant> oldestPending() {
        return pending.values().stream().map(r -> r.entry.occurredAt()).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized int purgeDelivered(Instant before) {
        int purged = 0;
        for (var it = rows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Row> e = it.next();
            if (e.getValue().status == Status.DELIVERED && e.getValue().deliveredAt != null
                    && e.getValue().deliveredAt.isBefore(before)) {
                it.remove();
                purged++;
            }
        }
        return purged;
    }

    private static OutboxEntry withAttempts(OutboxEntry e, int attempts, @Nullable String error) {
        return new OutboxEntry(e.sequence(), e.eventId(), e.subscriber(), e.tenant(), e.eventType(),
                e.aggregateType(), e.aggregateId(), e.occurredAt(), e.payload(), attempts, error);
    }
}
