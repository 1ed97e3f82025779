package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Storage port for opportunities; lists are ordered by close date, then id. Every lookup is an index hit. */
public interface OpportunityRepository extends Repository<OpportunityId, Opportunity> {
    List<Opportunity> findByAccount(AccountId account);

    List<Opportunity> findByOwner(UserId owner);

    /** Opportunities whose close date is in {@code [from, until)}. */
    List<Opportunity> findClosingBetween(LocalDate from, LocalDate until);

    /**
     * Calls {@code visitor} once for every opportunity of the tenant created in {@code [from, to)} (either bound
     * null for open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and should
     * stream rather than load the whole range at once. The visitor runs inside the transaction and must not use the
     * storage.
     */
    void forEachCreated(Instant from, Instant to, Consumer<? super Opportunity> visitor);

    @Override
    default String kind() {
        return "Opportunity";
    }
}
