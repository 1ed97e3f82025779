package dev.crmkit.core.sales;

import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Optional;

/** Storage port for quotes; the number is a unique key, lists are ordered by creation time then id. */
public interface QuoteRepository extends Repository<QuoteId, Quote> {
    List<Quote> findByOpportunity(OpportunityId opportunity);

    Optional<Quote> findByNumber(String number);

    @Override
    default String kind() {
        return "Quote";
    }
}
