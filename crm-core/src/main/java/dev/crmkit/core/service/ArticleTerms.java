package dev.crmkit.core.service;

import dev.crmkit.core.common.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The text rules of knowledge base search, shared by every storage adapter so all rank alike: how text splits into
 * terms, how much a term weighs in an article (title 3, tag and product 2, body 1 per occurrence), and the score.
 * Terms are English stems (Snowball's Porter2, from Lucene), so inflected words meet: "engines jamming" finds an
 * article on "engine jams". Adapters index the stems, so a change here needs their terms rebuilt.
 */
public final class ArticleTerms {
    static final int TITLE = 3;
    static final int TAG = 2;
    static final int BODY = 1;

    private ArticleTerms() {
    }

    /**
     * Distinct search terms of {@code text}: accents folded, lower-case, letters and digits, stemmed, in order of
     * appearance.
     */
    public static List<String> terms(String text) {
        return new ArrayList<>(new LinkedHashSet<>(tokens(text)));
    }

    /** Each term of the article with its weight; empty for articles that are not published. */
    public static Map<String, Integer> weights(Article a) {
        return a.status() != ArticleStatus.PUBLISHED ? new HashMap<>()
                : weights(a.title(), a.tags(), a.productCodes(), a.body());
    }

    /** Each term of a published article made of these parts, with its weight: for adapters rebuilding their index. */
    public static Map<String, Integer> weights(String title, Collection<String> tags, Collection<String> productCodes,
                                               String body) {
        Map<String, Integer> w = new HashMap<>();
        tokens(title).forEach(t -> w.merge(t, TITLE, Integer::sum));
        tags.forEach(tag -> tokens(tag).forEach(t -> w.merge(t, TAG, Integer::sum)));
        productCodes.forEach(code -> tokens(code).forEach(t -> w.merge(t, TAG, Integer::sum)));
        tokens(body).forEach(t -> w.merge(t, BODY, Integer::sum));
        return w;
    }

    /**
     * Relevance of an article with term {@code weights} for {@code query} terms: the sum of weight × idf, idf being
     * {@code ln(1 + articles / articlesWithTerm)}, so rare terms count more than common ones.
     */
    public static double score(Map<String, Integer> weights, List<String> query, Map<String, Integer> articlesWithTerm,
                               int articles) {
        double score = 0;
        for (String term : query) {
            Integer w = weights.get(term);
            Integer df = articlesWithTerm.get(term);
            if (w != null && df != null && df > 0) {
                score += w * Math.log(1 + (double) articles / df);
            }
        }
        return score;
    }

    private static List<String> tokens(String text) {
        String folded = Text.foldForMatching(text);
        List<String> out = new ArrayList<>();
        EnglishStemmer stemmer = new EnglishStemmer(); // keeps state: one per call
        for (String t : folded.split(" ")) {
            if (!t.isEmpty() && !STOP_WORDS.contains(t)) {
                stemmer.setCurrent(t);
                stemmer.stem();
                out.add(stemmer.getCurrent());
            }
        }
        return out;
    }

    // A few very common English words that would otherwise match nearly every article.
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "the", "of", "to", "in", "on", "is", "it",
            "for", "or", "my", "i", "how", "do", "does", "with", "not");
}
