package dev.crmkit.core.sales;

import org.jspecify.annotations.Nullable;

/** What a user sets on a product; code and name are required, the code is unique (ignoring case). */
public record ProductDetails(String code, String name, @Nullable String description, boolean active) {
    public static ProductDetails of(String code, String name) {
        return new ProductDetails(code, name, null, true);
    }

    public ProductDetails withDescription(String text) {
        return new ProductDetails(code, name, text, active);
    }
}
