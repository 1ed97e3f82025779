package dev.crmkit.core.service;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What agents need to know about a product: its specifications and documents. Keyed by product code (unique per
 * tenant); {@code product} links the sales catalog's product when there is one.
 */
public record ProductInfo(
        ProductInfoId id,
        long version,
        String productCode,
        @Nullable ProductId product,
        String name,
        @Nullable String summary,
        Map<String, String> specifications,
        List<ProductDocument> documents,
        Instant updatedAt) implements Versioned<ProductInfoId, ProductInfo> {

    public ProductInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // Insertion order is the order agents read the specifications in.
        specifications = specifications == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(specifications));
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    @Override
    public ProductInfo withVersion(long newVersion) {
        return new ProductInfo(id, newVersion, productCode, product, name, summary, specifications, documents,
                updatedAt);
    }
}
