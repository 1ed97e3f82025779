package dev.crmkit.jpa;

import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class JpaQuoteRepository extends JpaRepository<QuoteId, Quote, QuoteEntity> implements QuoteRepository {
    private static final String ORDER = "r.createdAt, r.id";
    private static final Comparator<Quote> MEMORY_ORDER = Comparator.comparing(Quote::createdAt)
            .thenComparing(q -> q.id().value());

    JpaQuoteRepository(JpaTx tx) {
        super(tx, QuoteEntity.class);
    }

    @Override
    QuoteEntity toRow(Quote quote) {
        return QuoteOrderMapper.toRow(quote);
    }

    @Override
    Quote toDomain(QuoteEntity row) {
        return QuoteOrderMapper.toQuote(row);
    }

    @Override
    public List<Quote> findByOpportunity(OpportunityId opportunity) {
        return MemoryOrder.sorted(lookup("opportunityId", opportunity.value(), ORDER), MEMORY_ORDER);
    }

    @Override
    public Optional<Quote> findByNumber(String number) {
        return lookup("number", number, ORDER).stream().findFirst();
    }
}
