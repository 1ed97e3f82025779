package dev.crmkit.core.sales;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.spi.Repository;
import java.util.Optional;

/** Storage port for products; the code is a unique key. */
public interface ProductRepository extends Repository<ProductId, Product> {
    Optional<Product> findByCode(String code);

    /** All products ordered by code. */
    Page<Product> list(PageRequest page);

    @Override
    default String kind() {
        return "Product";
    }
}
