package dev.crmkit.jpa;

import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.PriceBookRepository;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

final class JpaPriceBookRepository extends JpaRepository<PriceBookId, PriceBook, PriceBookEntity>
        implements PriceBookRepository {
    private static final String BY_CURRENCY = "r.currency, r.id";

    JpaPriceBookRepository(JpaTx tx) {
        super(tx, PriceBookEntity.class);
    }

    @Override
    PriceBookEntity toRow(PriceBook book) {
        return SalesMapper.toRow(book);
    }

    @Override
    PriceBook toDomain(PriceBookEntity row) {
        return SalesMapper.toPriceBook(row);
    }

    @Override
    public Optional<PriceBook> findByCurrency(Currency currency) {
        return lookup("currency", currency.getCurrencyCode(), BY_CURRENCY).stream().findFirst();
    }

    @Override
    public List<PriceBook> list() {
        return list(new Filter(tx.tenantId()), BY_CURRENCY);
    }
}
