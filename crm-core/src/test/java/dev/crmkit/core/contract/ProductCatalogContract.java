package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.ProductDetails;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Products and price books through {@code ProductService}. */
public abstract class ProductCatalogContract extends ContractSupport {

    @Test
    void productsHaveUniqueCaseInsensitiveCodes() {
        ProductId id = crm.products().create(ProductDetails.of(" eng-1 ", "Difference Engine")
                .withDescription("Tabulates polynomials"));
        Product p = crm.products().get(id);
        assertThat(p.code()).isEqualTo("ENG-1");
        assertThat(p.description()).isEqualTo("Tabulates polynomials");
        assertThat(p.active()).isTrue();
        assertThat(crm.products().findByCode("Eng-1")).contains(p);

        assertThatThrownBy(() -> crm.products().create(ProductDetails.of("ENG-1", "Copy")))
                .isInstanceOf(DuplicateException.class);
        ProductId other = crm.products().create(ProductDetails.of("ENG-2", "Analytical Engine"));
        assertThatThrownBy(() -> crm.products().update(crm.products().get(other), ProductDetails.of("eng-1", "Renamed")))
                .isInstanceOf(DuplicateException.class);
        assertThat(crm.products().update(p, new ProductDetails("ENG-1", "Difference Engine 2", null, false)))
                .satisfies(u -> {
                    assertThat(u.name()).isEqualTo("Difference Engine 2");
                    assertThat(u.active()).isFalse();
                    assertThat(u.createdAt()).isEqualTo(p.createdAt());
                });
        assertThat(crm.products().list(PageRequest.first(10)).items()).extracting(Product::code)
                .containsExactly("ENG-1", "ENG-2");
    }

    @Test
    void aProductNeedsCodeAndName() {
        assertThatThrownBy(() -> crm.products().create(ProductDetails.of(" ", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("code", "name"));
        assertThat(crm.products().list(PageRequest.first(10)).total()).isZero();
    }

    @Test
    void eachCurrencyHasOnePriceBookWithListPrices() {
        ProductId engine = crm.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        PriceBookId eurBook = crm.products().createPriceBook("Europe", "EUR");
        crm.products().createPriceBook("Americas", "USD");
        assertThatThrownBy(() -> crm.products().createPriceBook("Again", "EUR"))
                .isInstanceOf(DuplicateException.class);

        PriceBook eur = crm.products().setListPrice(engine, Money.of("1999.99", "EUR"));
        crm.products().setListPrice(engine, Money.of("2199.00", "USD"));
        assertThat(eur.id()).isEqualTo(eurBook);
        assertThat(crm.products().listPrice(engine, "EUR")).contains(Money.of("1999.99", "EUR"));
        assertThat(crm.products().listPrice(engine, "USD")).contains(Money.of("2199.00", "USD"));
        assertThat(crm.products().listPrice(engine, "GBP")).isEmpty();
        assertThat(crm.products().priceBooks()).extracting(b -> b.currency().getCurrencyCode())
                .containsExactly("EUR", "USD");

        crm.products().setListPrice(engine, Money.of("1899.00", "EUR"));
        assertThat(crm.products().listPrice(engine, "EUR")).contains(Money.of("1899.00", "EUR"));
        crm.products().removeListPrice(engine, "EUR");
        assertThat(crm.products().listPrice(engine, "EUR")).isEmpty();
    }

    @Test
    void badPricesNameTheirFieldsAndChangeNothing() {
        ProductId engine = crm.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        assertThatThrownBy(() -> crm.products().setListPrice(engine, Money.of("-1.00", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("price")).isTrue());
        assertThatThrownBy(() -> crm.products().setListPrice(engine, Money.of("1.00", "CHF")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("currency")).isTrue());
        assertThatThrownBy(() -> crm.products().setListPrice(ProductId.of(UUID.randomUUID()), Money.of("1.00",
                "EUR"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("product")).isTrue());
        assertThatThrownBy(() -> crm.products().createPriceBook("", "EURO"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("name", "currency"));
        assertThat(crm.products().priceBook("EUR").orElseThrow().listPrices()).isEmpty();
    }
}
