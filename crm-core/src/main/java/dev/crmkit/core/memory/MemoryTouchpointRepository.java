package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import dev.crmkit.core.tracking.TouchpointRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

final class MemoryTouchpointRepository implements TouchpointRepository {
    static final Comparator<Touchpoint> ORDER = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(Touchpoint::id);

    private final TouchpointColumns table;
    private final MemoryDayTotals totals;
    private final MemoryTx tx;

    MemoryTouchpointRepository(TouchpointColumns table, MemoryDayTotals totals, MemoryTx tx) {
        this.table = table;
        this.totals = totals;
        this.tx = tx;
    }

    @Override
    public List<Touchpoint> insertAll(Collection<Touchpoint> touchpoints) {
        UndoLog undo = tx.undoForWrite();
        List<Touchpoint> inserted = new ArrayList<>(touchpoints.size());
        List<Touchpoint> batch = touchpoints instanceof List<Touchpoint> list && list instanceof RandomAccess ? list
                : new ArrayList<>(touchpoints);
        int[] hashes = table.warm(batch);
        for (int i = 0; i < batch.size(); i++) {
            Touchpoint t = batch.get(i);
            // not if its external id was stored before, or earlier in this batch
            if (table.insert(t, undo, hashes[2 * i], hashes[2 * i + 1])) {
                inserted.add(t);
            }
        }
        totals.add(inserted, undo);
        return inserted;
    }

    @Override
    public Optional<Touchpoint> find(TouchpointId id) {
        tx.checkOpen();
        return table.find(id);
    }

    @Override
    public Optional<Touchpoint> findByExternalEventId(String externalEventId) {
        tx.checkOpen();
        return table.findByExternalId(externalEventId);
    }

    @Override
    public List<Touchpoint> findByVisitor(String visitorId) {
        tx.checkOpen();
        return table.byVisitor(visitorId);
    }

    @Override
    public List<Touchpoint> findByLead(LeadId lead) {
        tx.checkOpen();
        return table.byLead(lead);
    }

    @Override
    public List<Touchpoint> findByContact(ContactId contact) {
        tx.checkOpen();
        return table.byContact(contact);
    }

    @Override
    public List<Touchpoint> findByAccount(AccountId account) {
        tx.checkOpen();
        return table.byAccount(account);
    }

    @Override
    public int linkVisitorToLead(String visitorId, LeadId lead) {
        UndoLog undo = tx.undoForWrite();
        int changed = 0;
        for (Touchpoint t : table.byVisitor(visitorId)) {
            if (t.lead() == null) {
                table.replace(t.withLead(lead), undo);
                changed++;
            }
        }
        return changed;
    }

    @Override
    public int reassignLead(LeadId from, LeadId to) {
        UndoLog undo = tx.undoForWrite();
        List<Touchpoint> moving = table.byLead(from);
        for (Touchpoint t : moving) {
            table.replace(t.withLead(to), undo);
        }
        return moving.size();
    }

    @Override
    public int linkLeadToContact(LeadId lead, ContactId contact, @Nullable AccountId account) {
        UndoLog undo = tx.undoForWrite();
        int changed = 0;
        for (Touchpoint t : table.byLead(lead)) {
            if (!Objects.equals(t.contact(), contact) || !Objects.equals(t.account(), account)) {
                table.replace(t.withContact(contact, account), undo);
                changed++;
            }
        }
        return changed;
    }

    @Override
    public void forEachOccurred(Instant from, Instant to, Consumer<? super Touchpoint> visitor) {
        tx.checkOpen();
        table.forEachOccurred(from, to, visitor);
    }

    @Override
    public void forEachDayTotal(@Nullable LocalDate from, @Nullable LocalDate to,
                                Consumer<? super TouchpointDayTotal> visitor) {
        tx.checkOpen();
        totals.forEach(from, to, visitor);
    }
}
