package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Calls {@code visitor} once for every case of the tenant opened (created) in {@code [from, to)} (either bound
     * null for open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and should
     * stream rather than load the whole range at once. The visitor runs inside the transaction and must not use the
     * storage.
     */
    void forEachCreated(Instant from, Instant to, Consumer<? super Case> visitor);

    @Override
    default String kind() {
        return "Case";
    }
}
