package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.ArticleTerms;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Knowledge base search on the adapter gives exactly the in-memory adapter's results — the same articles, scores
 * and order — over random articles drawn from a small vocabulary, so equal scores, equal titles and common terms
 * (ties broken by title, then id) are frequent, and after random edits that move articles in and out of the index.
 */
abstract class ArticleSearchEquivalence {
    private static final List<String> WORDS = List.of("printer", "Printer", "offline", "café", "cafe", "jam", "jams",
            "cable", "network", "ENG-1", "reset", "Wi-Fi", "the", "how", "42", "reader", "paper", "tray", "Résumé",
            "update", "toner");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    protected abstract Storage storage();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void searchGivesTheInMemoryAdaptersResults(long seed) {
        Random random = new Random(seed);
        TenantId tenant = TenantId.of("search-" + UUID.randomUUID().toString().substring(0, 12));
        Storage memory = InMemoryStorage.create();
        List<Article> saved = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Article a = article(random, ArticleId.of(UUID.randomUUID()), 0, T0.plusSeconds(i));
            saved.add(saveBoth(memory, tenant, a));
        }
        for (int i = 0; i < 12; i++) {
            Article old = saved.get(random.nextInt(saved.size()));
            Article edited = article(random, old.id(), old.version(), old.createdAt());
            saved.set(saved.indexOf(old), saveBoth(memory, tenant, edited));
        }

        for (int q = 0; q < 30; q++) {
            List<String> terms = query(random);
            int limit = 1 + random.nextInt(8);
            Function<StorageTx, List<ArticleMatch>> search = tx -> tx.articles().search(terms, limit);
            List<ArticleMatch> expected = memory.read(tenant, search);
            assertThat(storage().read(tenant, search)).as("search %s, limit %d", terms, limit)
                    .isEqualTo(expected);
        }
    }

    private Article saveBoth(Storage memory, TenantId tenant, Article a) {
        Article inMemory = memory.write(tenant, tx -> tx.articles().save(a));
        Article stored = storage().write(tenant, tx -> tx.articles().save(a));
        assertThat(stored).isEqualTo(inMemory);
        return stored;
    }

    private static Article article(Random random, ArticleId id, long version, Instant created) {
        ArticleStatus status = random.nextInt(4) == 0 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
        Set<String> tags = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.add(words(random, 1));
        }
        Set<String> products = random.nextBoolean() ? Set.of() : Set.of(random.nextBoolean() ? "ENG-1" : "PRN-2");
        return new Article(id, version, words(random, 1 + random.nextInt(2)), words(random, random.nextInt(12)),
                tags, products, status, 1, List.of(), UserId.of("rep-1"), created, created.plusSeconds(60),
                status == ArticleStatus.PUBLISHED ? created.plusSeconds(60) : null);
    }

    /** Query terms as the service makes them, sometimes with an unknown word or a term given twice. */
    private static List<String> query(Random random) {
        List<String> terms = new ArrayList<>(ArticleTerms.terms(words(random, 1 + random.nextInt(3))));
        if (random.nextInt(5) == 0) {
            terms.add("nowhere");
        }
        if (!terms.isEmpty() && random.nextInt(5) == 0) {
            terms.add(terms.get(0));
        }
        return terms;
    }

    private static String words(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", out);
    }
}
