package dev.crmkit.core.memory;

import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryQuoteRepository extends MemoryRepository<QuoteId, Quote> implements QuoteRepository {
    private static final Comparator<Quote> ORDER = Comparator.comparing(Quote::createdAt)
            .thenComparing(Quote::id);

    MemoryQuoteRepository(MemoryTable<QuoteId, Quote> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Quote> findByOpportunity(OpportunityId opportunity) {
        return lookup("opportunity", opportunity, ORDER);
    }

    @Override
    public Optional<Quote> findByNumber(String number) {
        return lookup("number", number, ORDER).stream().findFirst();
    }
}
