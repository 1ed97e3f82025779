package dev.crmkit.core.service;

import dev.crmkit.core.common.ProductId;
import java.util.List;
import java.util.Map;

/** Product information to save: product code and name required; the catalog product id is optional. */
public record ProductInfoDetails(String productCode, ProductId product, String name, String summary,
                                 Map<String, String> specifications, List<ProductDocument> documents) {
}
