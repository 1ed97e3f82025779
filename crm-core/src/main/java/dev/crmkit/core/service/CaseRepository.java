package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for cases. Tracking numbers are unique per tenant (a unique index; saving a second case with the same
 * number is a {@code DuplicateException}). Lists are ordered by creation time, then id.
 */
public interface CaseRepository extends Repository<CaseId, Case> {
    Optional<Case> findByTrackingNumber(String trackingNumber);

    List<Case> findByContact(ContactId contact);

    List<Case> findByAccount(AccountId account);

    /** Cases the article is linked to. */
    List<Case> findByArticle(ArticleId article);

    /**
     * Open cases (not resolved or closed) with a target due before {@code at}: a first response not given yet, or
     * the resolution. Escalation runs on this, so adapters answer it from an index on open cases or due times.
     */
    List<Case> findOpenDueBefore(Instant at);

    @Override
    default String kind() {
        return "Case";
    }
}
