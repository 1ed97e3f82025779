package dev.crmkit.core.service;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Optional;

/** Storage port for product information; product codes are unique per tenant. */
public interface ProductInfoRepository extends Repository<ProductInfoId, ProductInfo> {
    Optional<ProductInfo> findByProductCode(String productCode);

    List<ProductInfo> findByProduct(ProductId product);

    @Override
    default String kind() {
        return "ProductInfo";
    }
}
