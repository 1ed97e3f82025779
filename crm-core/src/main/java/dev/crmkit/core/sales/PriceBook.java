package dev.crmkit.core.sales;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The list prices of one currency; a tenant has at most one price book per currency, and quotes take their list
 * prices from the book of their currency.
 */
public record PriceBook(PriceBookId id, long version, String name, Currency currency,
                        Map<ProductId, Money> listPrices, Instant createdAt, Instant updatedAt)
        implements Versioned<PriceBookId, PriceBook> {
    public PriceBook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        listPrices = listPrices == null ? Map.of() : Map.copyOf(listPrices);
        for (Money m : listPrices.values()) {
            if (!m.currency().equals(currency)) {
                throw new ValidationException("currency", "a " + currency + " price book cannot hold " + m);
            }
        }
    }

    public Optional<Money> listPrice(ProductId product) {
        return Optional.ofNullable(listPrices.get(product));
    }

    /** This book with {@code product} at {@code price} (null removes it). */
    public PriceBook withPrice(ProductId product, @Nullable Money price, Instant at) {
        Map<ProductId, Money> prices = new HashMap<>(listPrices);
        if (price == null) {
            prices.remove(product);
        } else {
            prices.put(product, price);
        }
        return new PriceBook(id, version, name, currency, prices, createdAt, at);
    }

    @Override
    public PriceBook withVersion(long newVersion) {
        return new PriceBook(id, newVersion, name, currency, listPrices, createdAt, updatedAt);
    }
}
