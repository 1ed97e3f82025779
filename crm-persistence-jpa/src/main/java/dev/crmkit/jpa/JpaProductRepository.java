package dev.crmkit.jpa;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.ProductRepository;
import java.util.Optional;

final class JpaProductRepository extends JpaRepository<ProductId, Product, ProductEntity>
        implements ProductRepository {
    // The code column has a binary collation, so this is the in-memory String order.
    private static final String BY_CODE = "r.code, r.id";

    JpaProductRepository(JpaTx tx) {
        super(tx, ProductEntity.class);
    }

    @Override
    ProductEntity toRow(Product product) {
        return SalesMapper.toRow(product);
    }

    @Override
    Product toDomain(ProductEntity row) {
        return SalesMapper.toProduct(row);
    }

    @Override
    public Optional<Product> findByCode(String code) {
        return lookup("code", code, BY_CODE).stream().findFirst();
    }

    @Override
    public Page<Product> list(PageRequest page) {
        return page(new Filter(tx.tenantId()), BY_CODE, page);
    }
}
