package dev.crmkit.core.sales;

import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something we sell. Its {@code code} is unique within the tenant (stored upper-case); inactive products keep their
 * prices but cannot be put on new quotes.
 */
public record Product(ProductId id, long version, String code, String name, @Nullable String description,
                      boolean active, Instant createdAt, Instant updatedAt) implements Versioned<ProductId, Product> {
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public Product withVersion(long newVersion) {
        return new Product(id, newVersion, code, name, description, active, createdAt, updatedAt);
    }
}
