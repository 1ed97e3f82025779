package dev.crmkit.core.memory;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.ProductRepository;
import java.util.Comparator;
import java.util.Optional;

final class MemoryProductRepository extends MemoryRepository<ProductId, Product> implements ProductRepository {
    private static final Comparator<Product> BY_CODE = Comparator.comparing(Product::code)
            .thenComparing(Product::id);

    MemoryProductRepository(MemoryTable<ProductId, Product> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<Product> findByCode(String code) {
        return lookup("code", code, BY_CODE).stream().findFirst();
    }

    @Override
    public Page<Product> list(PageRequest page) {
        tx.checkOpen();
        return Page.of(table.scan().sorted(BY_CODE).toList(), page);
    }
}
