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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

final class MemoryTouchpointRepository implements TouchpointRepository {
    static final Comparator<Touchpoint> ORDER = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(Touchpoint::id);

    private final MemoryTable<TouchpointId, Touchpoint> table;
    private final MemoryDayTotals totals;
    private final MemoryTx tx;

    MemoryTouchpointRepository(MemoryTable<TouchpointId, Touchpoint> table, MemoryDayTotals totals, MemoryTx tx) {
        this.table = table;
        this.totals = totals;
        this.tx = tx;
    }

    @Override
    public List<Touchpoint> insertAll(Collection<Touchpoint> touchpoints) {
        UndoLog undo = tx.undoForWrite();
        List<Touchpoint> inserted = new ArrayList<>(touchpoints.size());
        Set<String> seen = new HashSet<>();
        for (Touchpoint t : touchpoints) {
            String ext = t.externalEventId();
            if (ext != null && (!seen.add(ext) || !table.lookup("externalEventId", ext, ORDER).isEmpty())) {
                continue;
            }
            table.put(t, null, x -> 0L, undo);
            inserted.add(t);
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
        return lookup("externalEventId", externalEventId).stream().findFirst();
    }

    @Override
    public List<Touchpoint> findByVisitor(String visitorId) {
        return lookup("visitor", visitorId);
    }

    @Override
    public List<Touchpoint> findByLead(LeadId lead) {
        return lookup("lead", lead);
    }

    @Override
    public List<Touchpoint> findByContact(ContactId contact) {
        return lookup("contact", contact);
    }

    @Override
    public List<Touchpoint> findByAccount(AccountId account) {
        return lookup("account", account);
    }

    @Override
    public int linkVisitorToLead(String visitorId, LeadId lead) {
        UndoLog undo = tx.undoForWrite();
        int changed = 0;
        for (Touchpoint t : table.lookup("visitor", visitorId, ORDER)) {
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
        List<Touchpoint> moving = table.lookup("lead", from, ORDER);
        for (Touchpoint t : moving) {
            table.replace(t.withLead(to), undo);
        }
        return moving.size();
    }

    @Override
    public int linkLeadToContact(LeadId lead, ContactId contact, @Nullable AccountId account) {
        UndoLog undo = tx.undoForWrite();
        int changed = 0;
        for (Touchpoint t : table.lookup("lead", lead, ORDER)) {
            if (!Objects.equals(t.contact(), contact) || !Objects.equals(t.account(), account)) {
                table.replace(t.withContact(contact, account), undo);
                changed++;
            }
        }
        return changed;
    }

    private List<Touchpoint> lookup(String index, Object key) {
        tx.checkOpen();
        return table.lookup(index, key, ORDER);
    }

    @Override
    public void forEachOccurred(Instant from, Instant to, Consumer<? super Touchpoint> visitor) {
        tx.checkOpen();
        table.scan().filter(x -> TimeRange.contains(from, to, x.occurredAt())).forEach(visitor);
    }

    @Override
    public void forEachDayTotal(@Nullable LocalDate from, @Nullable LocalDate to,
                                Consumer<? super TouchpointDayTotal> visitor) {
        tx.checkOpen();
        totals.forEach(from, to, visitor);
    }
}
