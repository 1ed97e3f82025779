package dev.crmkit.core.service;

import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for knowledge base articles, with full-text search over the published ones. */
public interface ArticleRepository extends Repository<ArticleId, Article> {
    /** Articles about the product, ordered by creation time, then id. */
    List<Article> findByProductCode(String productCode);

    /**
     * Published articles matching at least one of {@code terms} (as produced by {@link ArticleTerms#terms}), best
     * first, at most {@code limit}. Adapters rank with {@link ArticleTerms#score} or a database text search that
     * orders the same way on title, tag and body matches.
     */
    List<ArticleMatch> search(List<String> terms, int limit);

    @Override
    default String kind() {
        return "Article";
    }
}
