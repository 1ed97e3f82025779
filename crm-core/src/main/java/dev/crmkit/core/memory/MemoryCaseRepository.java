package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import org.jspecify.annotations.Nullable;

final class MemoryCaseRepository extends MemoryRepository<CaseId, Case> implements CaseRepository {
    private static final Comparator<Case> ORDER = Comparator.comparing(Case::createdAt)
            .thenComparing(Case::id);

    private final ServiceTables tables;

    MemoryCaseRepository(ServiceTables tables, MemoryTx tx) {
        super(tables.cases, tx);
        this.tables = tables;
    }

    @Override
    public Case save(Case c) {
        Instant before = table.find(c.id()).map(MemoryCaseRepository::nextDeadline).orElse(null);
        Case saved = super.save(c);
        Instant after = nextDeadline(saved);
        if (!Objects.equals(before, after)) {
            UndoLog undo = tx.undoForWrite();
            move(saved.id(), before, after);
            undo.add(() -> move(saved.id(), after, before));
        }
        return saved;
    }

    private void move(CaseId id, @Nullable Instant from, @Nullable Instant to) {
        if (from != null) {
            Set<CaseId> ids = Objects.requireNonNull(tables.deadlines.get(from));
            ids.remove(id);
            if (ids.isEmpty()) {
                tables.deadlines.remove(from);
            }
        }
        if (to != null) {
            tables.deadlines.computeIfAbsent(to, k -> new HashSet<>()).add(id);
        }
    }

    /** The earliest target the open case has not met yet; null when closed or without targets. */
    private static @Nullable Instant nextDeadline(Case c) {
        if (!c.status().isOpen()) {
            return null;
        }
        Instant response = c.targets().firstRespondedAt() == null ? c.targets().firstResponseDue() : null;
        Instant resolution = c.targets().resolutionDue();
        if (response == null || resolution == null) {
            return response == null ? resolution : response;
        }
        return response.isBefore(resolution) ? response : resolution;
    }

    @Override
    public Optional<Case> findByTrackingNumber(String trackingNumber) {
        return lookup("trackingNumber", trackingNumber, ORDER).stream().findFirst();
    }

    @Override
    public List<Case> findByContact(ContactId contact) {
        return lookup("contact", contact, ORDER);
    }

    @Override
    public List<Case> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public List<Case> findByArticle(ArticleId article) {
        return lookup("article", article, ORDER);
    }

    @Override
    public List<Case> findOpenDueBefore(Instant at) {
        tx.checkOpen();
        return tables.deadlines.headMap(at, false).values().stream().flatMap(Set::stream)
                .map(id -> table.find(id).orElseThrow()).sorted(ORDER).toList();
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Case> visitor) {
        forEachBetween(Case::createdAt, from, to, visitor);
    }
}
