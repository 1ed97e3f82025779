package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

final class JpaCaseRepository extends JpaRepository<CaseId, Case, CaseEntity> implements CaseRepository {
    private static final String ORDER = "r.createdAt, r.id";
    private static final String ARTICLES = "CaseArticleRow";

    JpaCaseRepository(JpaTx tx) {
        super(tx, CaseEntity.class);
    }

    @Override
    CaseEntity toRow(Case c) {
        return CaseMapper.toRow(c);
    }

    @Override
    Case toDomain(CaseEntity row) {
        return CaseMapper.toCase(row);
    }

    @Override
    void afterSave(Case c, boolean inserted) {
        KeyTables.replace(tx, ARTICLES, c.id().value(), CaseMapper.articleKeys(c), inserted, CaseArticleRow::new);
    }

    @Override
    public Optional<Case> findByTrackingNumber(String trackingNumber) {
        return trackingNumber == null ? Optional.empty()
                : lookup("trackingNumber", trackingNumber, ORDER).stream().findFirst();
    }

    @Override
    public List<Case> findByContact(ContactId contact) {
        return contact == null ? List.of()
                : lookup("contactId", contact.value(), ORDER);
    }

    @Override
    public List<Case> findByAccount(AccountId account) {
        return account == null ? List.of()
                : lookup("accountId", account.value(), ORDER);
    }

    @Override
    public List<Case> findByArticle(ArticleId article) {
        return article == null ? List.of() : list(new Filter(tx.tenantId())
                .and(KeyTables.has(ARTICLES, "article"), "article", article.toString()), ORDER);
    }

    /** A range scan of index {@code crm_case_next_due}: only overdue open cases are read. */
    @Override
    public List<Case> findOpenDueBefore(Instant at) {
        Objects.requireNonNull(at, "at");
        return list(new Filter(tx.tenantId()).and("r.nextDue < :at", "at", at), ORDER);
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Case> visitor) {
        forEachBetween("createdAt", from, to, visitor);
    }
}
