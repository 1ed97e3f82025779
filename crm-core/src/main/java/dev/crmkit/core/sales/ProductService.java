package dev.crmkit.core.sales;

import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.sales.SalesEvent.PriceBookSaved;
import dev.crmkit.core.sales.SalesEvent.ProductSaved;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The product catalog and its price books (one per currency) with list prices. */
public final class ProductService {
    private final CrmContext<? extends SalesTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ProductService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
    }

    /** Creates a product; its code is stored upper-case and a code already in use is a {@link DuplicateException}. */
    public ProductId create(ProductDetails details) {
        return save(null, details).id();
    }

    /**
     * Replaces the details of the product {@code read}, the record they were computed from (the code may change if
     * the new one is free). When it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}.
     */
    public Product update(Product read, ProductDetails details) {
        return save(Objects.requireNonNull(read, "read"), details);
    }

    /** As {@link #update(Product, ProductDetails)}, for a caller that kept the id and the version it read. */
    public Product update(ProductId id, long expectedVersion, ProductDetails details) {
        return save(Ref.of(id, expectedVersion), details);
    }

    /** Creates ({@code ref} null) or replaces the product {@code ref}. */
    private Product save(@Nullable Ref<ProductId> ref, ProductDetails d) {
        Validation.argument("details", d);
        Validation v = new Validation();
        String code = v.requireText("code", d.code());
        String name = v.requireText("name", d.name());
        // The code is stored upper-case, which can be longer ("ß" is "SS"): the stored form must fit.
        String key = code == null ? null : code.toUpperCase(Locale.ROOT);
        v.maxLength("code", key, SalesLimits.PRODUCT_CODE);
        v.maxLength("name", name, SalesLimits.PRODUCT_NAME);
        v.multiLine("description", d.description(), 0);
        v.throwIfInvalid();
        String storedCode = Validation.checked(key);
        String productName = Validation.checked(name);
        return ctx.write(tx -> {
            Product old = ref == null ? null : tx.products().current(ref);
            ProductId id = ref == null ? null : ref.id();
            tx.products().findByCode(storedCode).filter(p -> !p.id().equals(id)).ifPresent(p -> {
                throw new DuplicateException("Product with code '" + storedCode + "' already exists");
            });
            Product saved = tx.products().save(new Product(id == null ? ProductId.of(ctx.newId()) : id,
                    old == null ? 0 : old.version(), storedCode, productName, Text.blankToNull(d.description()),
                    d.active(), old == null ? ctx.now() : old.createdAt(), ctx.now()));
            ctx.raise(new ProductSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** The product, or {@code NotFoundException}. */
    public Product get(ProductId id) {
        return ctx.read(tx -> tx.products().get(id));
    }

    /** The product with {@code code}, ignoring case. */
    public Optional<Product> findByCode(String code) {
        Validation.lookup("code", code, false);
        String key = Text.blankToNull(code);
        return key == null ? Optional.empty()
                : ctx.read(tx -> tx.products().findByCode(key.toUpperCase(Locale.ROOT)));
    }

    /** All products by code. */
    public Page<Product> list(PageRequest page) {
        return ctx.read(tx -> tx.products().list(page));
    }

    /** Creates the (empty) price book of {@code currencyCode}; a second one for a currency is a duplicate. */
    public PriceBookId createPriceBook(String name, String currencyCode) {
        Validation v = new Validation();
        String n = v.requireText("name", name);
        Money zero = v.attempt("currency", () -> Money.of("0", currencyCode));
        v.throwIfInvalid();
        Currency currency = Validation.checked(zero).currency();
        return ctx.write(tx -> {
            if (tx.priceBooks().findByCurrency(currency).isPresent()) {
                throw new DuplicateException("PriceBook for " + currency + " already exists");
            }
            PriceBook saved = tx.priceBooks().save(new PriceBook(PriceBookId.of(ctx.newId()), 0, Validation.checked(n),
                    currency, Map.of(), ctx.now(), ctx.now()));
            ctx.raise(new PriceBookSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved.id();
        });
    }

    /**
     * Sets the list price of {@code product} in the price book of the price's currency; a missing book or product,
     * or a negative price, is a {@code ValidationException}.
     */
    public PriceBook setListPrice(ProductId product, Money price) {
        return ctx.write(tx -> {
            Validation v = new Validation();
            if (v.require("product", product) != null) {
                v.check(tx.products().find(product).isPresent(), "product", "no such product: " + product);
            }
            Optional<PriceBook> book = Optional.empty();
            if (v.require("price", price) != null) {
                v.check(!price.isNegative(), "price", "must not be negative");
                book = tx.priceBooks().findByCurrency(price.currency());
                v.check(book.isPresent(), "currency", "no price book for " + price.currency());
            }
            v.throwIfInvalid();
            return savePrices(book.get().withPrice(product, price, ctx.now()), tx);
        });
    }

    /** Removes {@code product} from the price book of {@code currencyCode}. */
    public PriceBook removeListPrice(ProductId product, String currencyCode) {
        return ctx.write(tx -> savePrices(priceBook(tx, currencyCode).withPrice(product, null, ctx.now()), tx));
    }

    private PriceBook savePrices(PriceBook changed, SalesTx tx) {
        PriceBook saved = tx.priceBooks().save(changed);
        ctx.raise(new PriceBookSaved(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    private static PriceBook priceBook(SalesTx tx, String currencyCode) {
        Currency currency = Money.of("0", currencyCode).currency();
        return tx.priceBooks().findByCurrency(currency)
                .orElseThrow(() -> new NotFoundException("PriceBook", currency));
    }

    /** The price book of {@code currencyCode}, if there is one. */
    public Optional<PriceBook> priceBook(String currencyCode) {
        Currency currency = Money.of("0", currencyCode).currency();
        return ctx.read(tx -> tx.priceBooks().findByCurrency(currency));
    }

    /** All price books by currency code. */
    public List<PriceBook> priceBooks() {
        return ctx.read(tx -> tx.priceBooks().list());
    }

    /** The list price of {@code product} in {@code currencyCode}, if the book has one. */
    public Optional<Money> listPrice(ProductId product, String currencyCode) {
        return priceBook(currencyCode).flatMap(b -> b.listPrice(product));
    }
}
