package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

final class MemoryCaseRepository extends MemoryRepository<CaseId, Case> implements CaseRepository {
    private static final Comparator<Case> ORDER = Comparator.comparing(Case::createdAt)
            .thenComparing(c -> c.id().value());

    MemoryCaseRepository(MemoryTable<CaseId, Case> table, MemoryTx tx) {
        super(table, tx);
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
        return lookup(ServiceTables.OPEN, ServiceTables.OPEN, ORDER).stream()
                .filter(c -> (c.firstRespondedAt() == null && c.firstResponseDue() != null
                        && c.firstResponseDue().isBefore(at))
                        || (c.resolutionDue() != null && c.resolutionDue().isBefore(at)))
                .toList();
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Case> visitor) {
        forEachBetween(Case::createdAt, from, to, visitor);
    }
}
