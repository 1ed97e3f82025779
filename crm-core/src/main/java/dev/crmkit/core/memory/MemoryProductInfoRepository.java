package dev.crmkit.core.memory;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import dev.crmkit.core.service.ProductInfoRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryProductInfoRepository extends MemoryRepository<ProductInfoId, ProductInfo>
        implements ProductInfoRepository {
    private static final Comparator<ProductInfo> ORDER = Comparator.comparing(ProductInfo::productCode);

    MemoryProductInfoRepository(MemoryTable<ProductInfoId, ProductInfo> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<ProductInfo> findByProductCode(String productCode) {
        return lookup("productCode", productCode, ORDER).stream().findFirst();
    }

    @Override
    public List<ProductInfo> findByProduct(ProductId product) {
        return lookup("product", product, ORDER);
    }
}
