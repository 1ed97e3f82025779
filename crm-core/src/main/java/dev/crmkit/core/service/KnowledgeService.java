package dev.crmkit.core.service;

import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.service.ServiceEvent.ArticleSaved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The knowledge base: articles from draft to published to archived, every edit kept as a revision, ranked
 * full-text search over published articles, and the articles linked to a case.
 */
public final class KnowledgeService {
    /** Most hits one search returns. */
    public static final int MAX_RESULTS = 100;

    private final CrmContext<? extends ServiceTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public KnowledgeService(CrmContext<? extends ServiceTx> ctx) {
        this.ctx = ctx;
    }

    /** Creates a draft article (revision 1) written by the acting user. */
    public Article create(ArticleDraft draft) {
        Content c = validate(draft);
        return ctx.write(tx -> {
            Instant now = ctx.now();
            return saved(tx.articles().save(new Article(ArticleId.of(ctx.newId()), 0, c.title, c.body, c.tags,
                    c.codes, ArticleStatus.DRAFT, 1, List.of(), ctx.user(), now, now, null)));
        });
    }

    /**
     * Replaces the content of a draft or published article (a published one stays published); the previous content
     * is kept as a revision. Archived articles are restored to draft first. {@code read} is the article the new
     * content was based on; when it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}.
     */
    public Article edit(Article read, ArticleDraft draft) {
        return revise(Objects.requireNonNull(read, "read"), draft);
    }

    /** As {@link #edit(Article, ArticleDraft)}, for a caller that kept the id and the version it read. */
    public Article edit(ArticleId id, long expectedVersion, ArticleDraft draft) {
        return revise(Ref.of(id, expectedVersion), draft);
    }

    private Article revise(Ref<ArticleId> ref, ArticleDraft draft) {
        Content c = validate(draft);
        return ctx.write(tx -> {
            Article a = tx.articles().current(ref);
            Validation v = new Validation();
            v.check(a.status() != ArticleStatus.ARCHIVED, "status", "archived articles cannot be edited");
            v.throwIfInvalid();
            List<ArticleRevision> revisions = new ArrayList<>(a.revisions());
            revisions.add(new ArticleRevision(a.revision(), a.title(), a.body(), a.tags(), a.author(),
                    a.updatedAt()));
            return saved(tx.articles().save(new Article(a.id(), a.version(), c.title, c.body, c.tags, c.codes,
                    a.status(), a.revision() + 1, revisions, ctx.user(), a.createdAt(), ctx.now(),
                    a.publishedAt())));
        });
    }

    /** Publishes a draft article. Pass the article you read to refuse publishing content you have not seen. */
    public Article publish(Ref<ArticleId> id) {
        return moveTo(id, ArticleStatus.PUBLISHED);
    }

    /** Takes the article out of search. Pass the article you read to refuse a stale change. */
    public Article archive(Ref<ArticleId> id) {
        return moveTo(id, ArticleStatus.ARCHIVED);
    }

    /** Brings an archived article back as a draft. Pass the article you read to refuse a stale change. */
    public Article restore(Ref<ArticleId> id) {
        return moveTo(id, ArticleStatus.DRAFT);
    }

    private Article moveTo(Ref<ArticleId> id, ArticleStatus target) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Article a = tx.articles().current(id);
            if (!a.status().canMoveTo(target)) {
                throw new IllegalTransitionException("Article", a.status(), target);
            }
            Instant now = ctx.now();
            return saved(tx.articles().save(new Article(a.id(), a.version(), a.title(), a.body(), a.tags(),
                    a.productCodes(), target, a.revision(), a.revisions(), a.author(), a.createdAt(), now,
                    target == ArticleStatus.PUBLISHED ? now : a.publishedAt())));
        });
    }

    private Article saved(Article a) {
        ctx.raise(new ArticleSaved(ctx.actor().tenant(), a.updatedAt(), a));
        return a;
    }

    public Article get(ArticleId id) {
        return ctx.read(tx -> tx.articles().get(id));
    }

    /**
     * Published articles matching any word of {@code text}, best first: words in the title count most, then tags and
     * products, then the body; rare words more than common ones. At most {@code limit} (1 to {@link #MAX_RESULTS}).
     */
    public List<ArticleMatch> search(String text, int limit) {
        Validation v = new Validation();
        v.check(limit >= 1 && limit <= MAX_RESULTS, "limit", "must be between 1 and " + MAX_RESULTS);
        v.throwIfInvalid();
        List<String> terms = ArticleTerms.terms(text);
        return terms.isEmpty() ? List.of() : ctx.read(tx -> tx.articles().search(terms, limit));
    }

    /** Articles about the product, any status, oldest first. */
    public List<Article> forProduct(String productCode) {
        Validation.lookup("productCode", productCode, false);
        String code = Text.blankToNull(productCode);
        return code == null ? List.of() : ctx.read(tx -> tx.articles().findByProductCode(code));
    }

    /** The articles linked to the case, by title. */
    public List<Article> linkedTo(CaseId id) {
        return ctx.read(tx -> tx.cases().get(id).articles().stream().map(a -> tx.articles().get(a))
                .sorted(Comparator.comparing(Article::title).thenComparing(Article::id)).toList());
    }

    private record Content(String title, String body, Set<String> tags, Set<String> codes) {
    }

    private static Content validate(ArticleDraft d) {
        Validation.argument("draft", d);
        Validation v = new Validation();
        String title = v.requireText("title", d.title());
        String body = v.requireMultiLine("body", d.body(), 0);
        v.singleLineEach("tags", clean(d.tags()));
        Set<String> codes = clean(d.productCodes());
        v.maxLengthEach("productCodes", codes, ServiceLimits.PRODUCT_CODE);
        v.throwIfInvalid();
        return new Content(Validation.checked(title), Validation.checked(body), clean(d.tags()), codes);
    }

    private static Set<String> clean(Collection<String> labels) {
        return labels == null ? Set.of() : labels.stream().map(Text::blankToNull).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }
}
