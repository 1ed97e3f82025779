package dev.crmkit.jpa;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.ArticleRepository;
import dev.crmkit.core.service.ArticleTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/**
 * Articles with the knowledge base's inverted index in {@code crm_article_term}: on every save the article's
 * postings are replaced by {@link ArticleTerms#weights}, the same terms and weights the in-memory adapter indexes.
 * Search ranks in one grouped query over the postings of the query's terms (an index range per term), then scores
 * the candidates exactly as {@link ArticleTerms#score} does and orders them like the in-memory adapter, so results
 * and scores equal its results.
 */
final class JpaArticleRepository extends JpaRepository<ArticleId, Article, ArticleEntity>
        implements ArticleRepository {
    private static final String ORDER = "r.createdAt, r.id";
    private static final String PRODUCTS = "ArticleProductRow";
    private static final String TERMS = "ArticleTermRow";
    /** Length of {@code crm_article_term.term}; longer terms are indexed and searched by their prefix. */
    static final int MAX_TERM = 200;
    /** The in-memory adapter's ranking: score, best first, then title, then id. */
    private static final Comparator<Candidate> RANK = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Candidate::title).thenComparing(Candidate::id, EntityId::compare);

    JpaArticleRepository(JpaTx tx) {
        super(tx, ArticleEntity.class);
    }

    @Override
    ArticleEntity toRow(Article article) {
        return ArticleMapper.toRow(article, !ArticleTerms.weights(article).isEmpty());
    }

    @Override
    Article toDomain(ArticleEntity row) {
        return ArticleMapper.toArticle(row);
    }

    @Override
    void afterSave(Article article, boolean inserted) {
        UUID id = article.id().value();
        KeyTables.replace(tx, PRODUCTS, id, article.productCodes(), inserted, ArticleProductRow::new);
        Map<String, Integer> postings = new HashMap<>();
        ArticleTerms.weights(article).forEach((term, weight) -> postings.merge(key(term), weight, Integer::sum));
        StatelessSession session = tx.sessionForWrite();
        if (!inserted) {
            session.createMutationQuery("delete from " + TERMS + " k where k.tenantId = :tenant and k.ownerId = :id")
                    .setParameter("tenant", tx.tenantId()).setParameter("id", id).executeUpdate();
        }
        postings.forEach((term, weight) -> session.insert(new ArticleTermRow(tx.tenantId(), term, id, weight)));
    }

    @Override
    public List<Article> findByProductCode(String productCode) {
        return productCode == null ? List.of() : list(new Filter(tx.tenantId())
                .and(KeyTables.has(PRODUCTS, "code"), "code", productCode), ORDER);
    }

    @Override
    public List<ArticleMatch> search(List<String> terms, int limit) {
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> keys = terms.stream().map(JpaArticleRepository::key).distinct().toList();
        Map<String, Long> articlesWithKey = documentFrequencies(keys);
        if (articlesWithKey.isEmpty()) {
            return List.of();
        }
        long published = count(new Filter(tx.tenantId()).and("r.searchable = true"));
        // idf per key, summed over the query's occurrences of it, as ArticleTerms.score sums over the query.
        Map<String, Double> factors = new LinkedHashMap<>();
        for (String term : terms) {
            Long df = articlesWithKey.get(key(term));
            if (df != null) {
                factors.merge(key(term), Math.log(1 + (double) published / df), Double::sum);
            }
        }
        List<Object[]> best = rank(factors, null, limit);
        // The database sums in its own order, so scores may differ from Java's in the last bits: take every article
        // scoring about as high as the last of the page, and let the exact ranking below decide.
        List<Object[]> candidates = best.size() < limit ? best
                : rank(factors, minimum(((Number) best.get(limit - 1)[1]).doubleValue()), 0);
        return top(candidates, terms, articlesWithKey, (int) published, limit);
    }

    private static double minimum(double last) {
        return last - 1e-9 * Math.max(1, Math.abs(last));
    }

    /** How many published articles contain each key; keys no article contains are absent. */
    private Map<String, Long> documentFrequencies(List<String> keys) {
        Map<String, Long> df = new HashMap<>();
        tx.session().createSelectionQuery("select k.keyValue, count(k) from " + TERMS + " k"
                        + " where k.tenantId = :tenant and k.keyValue in :keys group by k.keyValue", Object[].class)
                .setParameter("tenant", tx.tenantId()).setParameter("keys", keys)
                .getResultList().forEach(row -> df.put((String) row[0], (Long) row[1]));
        return df;
    }

    /**
     * Article ids with their score (weight × factor summed over the query's keys) and title, best first, ties by
     * title: the best {@code limit}, or (limit 0) all scoring at least {@code min}.
     */
    private List<Object[]> rank(Map<String, Double> factors, Double min, int limit) {
        StringBuilder score = new StringBuilder("sum(k.weight * case k.keyValue");
        for (int i = 0; i < factors.size(); i++) {
            score.append(" when :k").append(i).append(" then cast(:f").append(i).append(" as Double)");
        }
        score.append(" else 0.0 end)");
        SelectionQuery<Object[]> q = tx.session().createSelectionQuery("select k.ownerId, " + score + ", a.title from "
                + TERMS + " k, ArticleRow a where k.tenantId = :tenant and k.keyValue in :keys"
                + " and a.tenantId = k.tenantId and a.id = k.ownerId group by k.ownerId, a.title"
                + (min == null ? "" : " having " + score + " >= :min")
                + " order by " + score + " desc, a.title, k.ownerId", Object[].class);
        q.setParameter("tenant", tx.tenantId()).setParameter("keys", List.copyOf(factors.keySet()));
        int i = 0;
        for (Map.Entry<String, Double> e : factors.entrySet()) {
            q.setParameter("k" + i, e.getKey()).setParameter("f" + i, e.getValue());
            i++;
        }
        if (min != null) {
            q.setParameter("min", min);
        }
        if (limit > 0) {
            q.setMaxResults(limit);
        }
        return q.getResultList();
    }

    /** A search candidate: what the in-memory ranking compares. */
    private record Candidate(UUID id, String title, double score) {
    }

    /**
     * The best {@code limit} of the candidates (rows of {@link #rank}) with their exact scores
     * ({@link ArticleTerms#score}), ranked as in memory; only those articles are read.
     */
    private List<ArticleMatch> top(List<Object[]> rows, List<String> terms, Map<String, Long> articlesWithKey,
                                   int published, int limit) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, Map<String, Integer>> postings = new HashMap<>();
        tx.session().createSelectionQuery("select k.ownerId, k.keyValue, k.weight from " + TERMS + " k"
                        + " where k.tenantId = :tenant and k.ownerId in :ids and k.keyValue in :keys", Object[].class)
                .setParameter("tenant", tx.tenantId()).setParameter("ids", ids)
                .setParameter("keys", terms.stream().map(JpaArticleRepository::key).distinct().toList())
                .getResultList().forEach(row -> postings.computeIfAbsent((UUID) row[0], a -> new HashMap<>())
                        .put((String) row[1], (Integer) row[2]));
        Map<String, Integer> articlesWithTerm = new HashMap<>();
        for (String term : terms) {
            Long df = articlesWithKey.get(key(term));
            if (df != null) {
                articlesWithTerm.put(term, df.intValue());
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Integer> byKey = postings.getOrDefault((UUID) row[0], Map.of());
            Map<String, Integer> weights = new HashMap<>();
            for (String term : terms) {
                Integer w = byKey.get(key(term));
                if (w != null) {
                    weights.put(term, w);
                }
            }
            ranked.add(new Candidate((UUID) row[0], (String) row[2],
                    ArticleTerms.score(weights, terms, articlesWithTerm, published)));
        }
        ranked.sort(RANK);
        List<Candidate> page = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<UUID, Article> articles = new HashMap<>();
        list(new Filter(tx.tenantId()).and("r.id in :ids", "ids", page.stream().map(Candidate::id).toList()), ORDER)
                .forEach(a -> articles.put(a.id().value(), a));
        return page.stream().map(c -> new ArticleMatch(articles.get(c.id()), c.score())).toList();
    }

    /** The term as stored: cut to the column's length, never between the two halves of a surrogate pair. */
    static String key(String term) {
        if (term.length() <= MAX_TERM) {
            return term;
        }
        int end = Character.isHighSurrogate(term.charAt(MAX_TERM - 1)) ? MAX_TERM - 1 : MAX_TERM;
        return term.substring(0, end);
    }
}
