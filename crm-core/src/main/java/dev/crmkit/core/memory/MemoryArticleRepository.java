package dev.crmkit.core.memory;

import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.ArticleRepository;
import dev.crmkit.core.service.ArticleTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/** Articles with an inverted index (table index {@code term}) and term weights kept up to date on every save. */
final class MemoryArticleRepository extends MemoryRepository<ArticleId, Article> implements ArticleRepository {
    private static final Comparator<Article> ORDER = Comparator.comparing(Article::createdAt)
            .thenComparing(Article::id);
    private static final Comparator<Article> UNORDERED = (a, b) -> 0;
    private static final Comparator<ArticleMatch> RANK = Comparator.comparingDouble(ArticleMatch::score).reversed()
            .thenComparing(m -> m.article().title()).thenComparing(m -> m.article().id());

    private final ServiceTables tables;

    MemoryArticleRepository(ServiceTables tables, MemoryTx tx) {
        super(tables.articles, tx);
        this.tables = tables;
    }

    @Override
    public Article save(Article article) {
        Article saved = super.save(article);
        UndoLog undo = tx.undoForWrite();
        Map<String, Integer> previous = tables.articleWeights.get(saved.id());
        Map<String, Integer> weights = ArticleTerms.weights(saved);
        if (weights.isEmpty()) {
            tables.articleWeights.remove(saved.id());
        } else {
            tables.articleWeights.put(saved.id(), Map.copyOf(weights));
        }
        undo.add(() -> {
            if (previous == null) {
                tables.articleWeights.remove(saved.id());
            } else {
                tables.articleWeights.put(saved.id(), previous);
            }
        });
        return saved;
    }

    @Override
    public List<Article> findByProductCode(String productCode) {
        return lookup("product", productCode, ORDER);
    }

    @Override
    public List<ArticleMatch> search(List<String> terms, int limit) {
        tx.checkOpen();
        Map<String, Integer> articlesWithTerm = new HashMap<>();
        Map<ArticleId, Article> candidates = new HashMap<>();
        for (String term : terms) {
            // Order does not matter here: the ranking below decides it.
            List<Article> hits = table.lookup("term", term, UNORDERED);
            articlesWithTerm.put(term, hits.size());
            hits.forEach(a -> candidates.put(a.id(), a));
        }
        int published = tables.articleWeights.size();
        // Keep only the best {@code limit}: the queue's head is the weakest of them.
        PriorityQueue<ArticleMatch> best = new PriorityQueue<>(limit + 1, RANK.reversed());
        for (Article a : candidates.values()) {
            Map<String, Integer> weights = Objects.requireNonNull(tables.articleWeights.get(a.id()));
            best.add(new ArticleMatch(a, ArticleTerms.score(weights, terms, articlesWithTerm, published)));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<ArticleMatch> ranked = new ArrayList<>(best);
        ranked.sort(RANK);
        return ranked;
    }
}
