package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.time.LocalDate;
import java.util.List;

/** Storage port for opportunities; lists are ordered by close date, then id. Every lookup is an index hit. */
public interface OpportunityRepository extends Repository<OpportunityId, Opportunity> {
    List<Opportunity> findByAccount(AccountId account);

    List<Opportunity> findByOwner(UserId owner);

    /** Opportunities whose close date is in {@code [from, until)}. */
    List<Opportunity> findClosingBetween(LocalDate from, LocalDate until);

    @Override
    default String kind() {
        return "Opportunity";
    }
}
