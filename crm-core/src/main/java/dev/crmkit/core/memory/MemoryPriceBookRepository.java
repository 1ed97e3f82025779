package dev.crmkit.core.memory;

import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.PriceBookRepository;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

final class MemoryPriceBookRepository extends MemoryRepository<PriceBookId, PriceBook>
        implements PriceBookRepository {
    private static final Comparator<PriceBook> BY_CURRENCY = Comparator
            .comparing((PriceBook b) -> b.currency().getCurrencyCode()).thenComparing(PriceBook::id);

    MemoryPriceBookRepository(MemoryTable<PriceBookId, PriceBook> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<PriceBook> findByCurrency(Currency currency) {
        return lookup("currency", currency, BY_CURRENCY).stream().findFirst();
    }

    @Override
    public List<PriceBook> list() {
        tx.checkOpen();
        return table.scan().sorted(BY_CURRENCY).toList();
    }
}
