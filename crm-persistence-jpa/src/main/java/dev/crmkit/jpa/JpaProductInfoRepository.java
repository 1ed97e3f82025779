package dev.crmkit.jpa;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoId;
import dev.crmkit.core.service.ProductInfoRepository;
import java.util.List;
import java.util.Optional;

final class JpaProductInfoRepository extends JpaRepository<ProductInfoId, ProductInfo, ProductInfoEntity>
        implements ProductInfoRepository {
    private static final String ORDER = "r.productCode";

    JpaProductInfoRepository(JpaTx tx) {
        super(tx, ProductInfoEntity.class);
    }

    @Override
    ProductInfoEntity toRow(ProductInfo info) {
        return ProductInfoMapper.toRow(info);
    }

    @Override
    ProductInfo toDomain(ProductInfoEntity row) {
        return ProductInfoMapper.toProductInfo(row);
    }

    @Override
    public Optional<ProductInfo> findByProductCode(String productCode) {
        return productCode == null ? Optional.empty()
                : lookup("productCode", productCode, ORDER).stream().findFirst();
    }

    @Override
    public List<ProductInfo> findByProduct(ProductId product) {
        return product == null ? List.of() : lookup("productId", product.value(), ORDER);
    }
}
