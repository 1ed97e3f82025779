package dev.crmkit.core.sales;

import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.spi.Repository;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Storage port for price books; the currency is a unique key. */
public interface PriceBookRepository extends Repository<PriceBookId, PriceBook> {
    Optional<PriceBook> findByCurrency(Currency currency);

    /** All price books ordered by currency code. */
    List<PriceBook> list();

    @Override
    default String kind() {
        return "PriceBook";
    }
}
