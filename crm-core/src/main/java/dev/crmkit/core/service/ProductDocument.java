package dev.crmkit.core.service;

import java.util.Objects;

/** A document for agents about a product: a manual, data sheet or troubleshooting guide, by link. */
public record ProductDocument(String title, String url, String kind) {
    public ProductDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
