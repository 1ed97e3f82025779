package dev.crmkit.core.service;

import dev.crmkit.core.common.ProductId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Product information to save: product code and name required; the catalog product id is optional. */
public record ProductInfoDetails(String productCode, @Nullable ProductId product, String name,
                                 @Nullable String summary, @Nullable Map<String, String> specifications,
                                 @Nullable List<ProductDocument> documents) {
}
