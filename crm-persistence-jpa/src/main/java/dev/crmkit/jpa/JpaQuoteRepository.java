package dev.crmkit.jpa;

import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteRepository;
import java.util.List;
import java.util.Optional;

final class JpaQuoteRepository extends JpaRepository<QuoteId, Quote, QuoteEntity> implements QuoteRepository {
    private static final String ORDER = "r.createdAt, r.id";

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
        return lookup("opportunityId", opportunity.value(), ORDER);
    }

    @Override
    public Optional<Quote> findByNumber(String number) {
        return lookup("number", number, ORDER).stream().findFirst();
    }
}
