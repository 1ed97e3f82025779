package dev.crmkit.core.service;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge base article. Every edit raises {@code revision} and keeps the content it replaced in
 * {@code revisions}, oldest first.
 *
 * @param productCodes the products the article is about, by product code
 */
public record Article(
        ArticleId id,
        long version,
        String title,
        String body,
        Set<String> tags,
        Set<String> productCodes,
        ArticleStatus status,
        int revision,
        List<ArticleRevision> revisions,
        UserId author,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt) implements Versioned<ArticleId, Article> {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        productCodes = productCodes == null ? Set.of() : Set.copyOf(productCodes);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    @Override
    public Article withVersion(long newVersion) {
        return new Article(id, newVersion, title, body, tags, productCodes, status, revision, revisions, author,
                createdAt, updatedAt, publishedAt);
    }
}
