package dev.crmkit.core.memory;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sharing.Share;
import dev.crmkit.core.sharing.ShareRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One tenant's shares, by record; undone with the write. */
final class MemoryShareRepository implements ShareRepository {
    private final TenantTables tables;
    private final MemoryTx tx;

    MemoryShareRepository(TenantTables tables, MemoryTx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public boolean add(Share share) {
        UndoLog undo = tx.undoForWrite();
        if (isShared(share.record(), share.user())) {
            return false;
        }
        List<Share> own = tables.shares.computeIfAbsent(share.record(), r -> new ArrayList<>(2));
        own.add(share);
        undo.add(() -> {
            List<Share> now = tables.shares.get(share.record()); // a later remove's undo may have put a copy
            if (now != null) {
                now.remove(share);
                if (now.isEmpty()) {
                    tables.shares.remove(share.record());
                }
            }
        });
        return true;
    }

    @Override
    public boolean remove(UUID record, UserId user) {
        UndoLog undo = tx.undoForWrite();
        List<Share> own = tables.shares.get(record);
        if (own == null) {
            return false;
        }
        List<Share> before = List.copyOf(own);
        if (!own.removeIf(s -> s.user().equals(user))) {
            return false;
        }
        if (own.isEmpty()) {
            tables.shares.remove(record);
        }
        undo.add(() -> tables.shares.put(record, new ArrayList<>(before)));
        return true;
    }

    @Override
    public List<Share> ofRecord(UUID record) {
        tx.checkOpen();
        return tables.shares.getOrDefault(record, List.of()).stream()
                .sorted(Comparator.comparing(Share::at).thenComparing(sh -> sh.user().value())).toList();
    }

    @Override
    public boolean isShared(UUID record, UserId user) {
        tx.checkOpen();
        for (Share s : tables.shares.getOrDefault(record, List.of())) {
            if (s.user().equals(user)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<UUID> sharedWith(UserId user) {
        tx.checkOpen();
        Set<UUID> records = new HashSet<>();
        tables.shares.forEach((record, shares) -> {
            if (shares.stream().anyMatch(s -> s.user().equals(user))) {
                records.add(record);
            }
        });
        return records;
    }
}
