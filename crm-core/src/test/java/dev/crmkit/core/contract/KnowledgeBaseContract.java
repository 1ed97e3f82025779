package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.ArticleMatch;
import dev.crmkit.core.service.ArticleRevision;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.ProductDocument;
import dev.crmkit.core.service.ProductInfo;
import dev.crmkit.core.service.ProductInfoDetails;
import dev.crmkit.core.service.ServiceEvent.ArticleSaved;
import dev.crmkit.core.service.ServiceEvent.ProductInfoSaved;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The knowledge base and product information through {@code KnowledgeService} and {@code ProductInfoService}. */
public abstract class KnowledgeBaseContract extends ServiceContractSupport {

    private Article published(String title, String body, String... tags) {
        Article a = crm.knowledge().create(ArticleDraft.of(title, body).tagged(Set.of(tags), Set.of()));
        return crm.knowledge().publish(a.id());
    }

    private List<String> titles(String query) {
        return crm.knowledge().search(query, 10).stream().map(m -> m.article().title()).toList();
    }

    @Test
    void onlyPublishedArticlesAreFoundAndEditsKeepRevisions() {
        Article draft = crm.knowledge().create(new ArticleDraft("Reset the router", "Hold the reset button.",
                Set.of(" network ", ""), Set.of("RT-1")));
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.revision()).isEqualTo(1);
        assertThat(draft.author()).isEqualTo(actor.user());
        assertThat(draft.tags()).containsExactly("network");
        assertThat(titles("router")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Article published = crm.knowledge().publish(draft.id());
        assertThat(published.publishedAt()).isEqualTo(clock.instant());
        assertThat(titles("router")).containsExactly("Reset the router");
        assertThat(crm.knowledge().forProduct("RT-1")).extracting(Article::id).containsExactly(draft.id());

        clock.advance(Duration.ofMinutes(1));
        Article edited = as("rep-2").knowledge().edit(published, ArticleDraft.of("Restart the modem",
                "Unplug it for ten seconds."));
        assertThat(edited.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(edited.author()).isEqualTo(UserId.of("rep-2"));
        assertThat(edited.revisions()).containsExactly(new ArticleRevision(1, "Reset the router",
                "Hold the reset button.", Set.of("network"), actor.user(), published.updatedAt()));
        assertThat(titles("router")).isEmpty();
        assertThat(titles("modem")).containsExactly("Restart the modem");
        assertThat(crm.knowledge().forProduct("RT-1")).isEmpty();

        Article archived = crm.knowledge().archive(draft.id());
        assertThat(titles("modem")).isEmpty();
        assertThatThrownBy(() -> crm.knowledge().edit(archived, ArticleDraft.of("x", "y")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("status")).isTrue());
        assertThatThrownBy(() -> crm.knowledge().publish(draft.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(crm.knowledge().restore(draft.id()).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(events(ArticleSaved.class)).hasSize(5);
    }

    @Test
    void searchRanksTitleOverTagsOverBodyAndRareWordsOverCommonOnes() {
        published("Printer shows offline", "Check the power cable.");
        published("Paper jam", "If the printer is offline after a jam, restart it.");
        published("Toner", "Replace the cartridge.", "printer");
        published("Wi-Fi drops", "Move the access point closer.");

        assertThat(titles("printer")).containsExactly("Printer shows offline", "Toner", "Paper jam");
        assertThat(titles("Offline PRINTER")).startsWith("Printer shows offline", "Paper jam");
        // "weekly" is in two articles, "monthly" in one: the rare word ranks its article first, ties go by title.
        published("Chain", "Apply oil weekly.");
        published("Bearing", "Apply grease weekly.");
        published("Belt", "Check the tension monthly.");
        List<ArticleMatch> hits = crm.knowledge().search("weekly monthly", 10);
        assertThat(hits).extracting(m -> m.article().title()).containsExactly("Belt", "Bearing", "Chain");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(1).score()).isEqualTo(hits.get(2).score());
        assertThat(crm.knowledge().search("the and of", 10)).isEmpty();
        assertThat(crm.knowledge().search("printer", 1)).hasSize(1);
        assertThatThrownBy(() -> crm.knowledge().search("printer", 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("limit")).isTrue());
    }

    @Test
    void inflectedAndAccentedWordsFindTheArticlesThatUseAnotherFormOfThem() {
        published("Engine jams at start", "The feeder engine jams when cold.");
        published("Notifications", "Turn notifications on in the settings.", "alerts");
        published("Café menu printing", "Print the menus in the café.");
        published("Wi-Fi drops", "Move the access point closer.");

        assertThat(titles("engines jamming")).containsExactly("Engine jams at start");
        assertThat(titles("notification")).containsExactly("Notifications");
        assertThat(titles("alerted")).containsExactly("Notifications");
        assertThat(titles("cafe MENUS printed")).containsExactly("Café menu printing");
        assertThat(titles("dropped")).containsExactly("Wi-Fi drops");
        assertThat(titles("jammy")).as("a different word that only looks alike").isEmpty();
    }

    @Test
    void articlesAreLinkedToCasesBothWays() {
        Article a = published("Mill jams", "Clean the reader.");
        Article b = published("Card format", "Use 80 columns.");
        Case c = crm.cases().open(NewCase.from(ada, Channel.PHONE, "jams"));
        crm.cases().linkArticle(c.id(), b.id());
        crm.cases().linkArticle(c.id(), a.id());
        assertThat(crm.cases().linkArticle(c.id(), a.id()).articles()).hasSize(2); // linking twice changes nothing
        assertThat(crm.knowledge().linkedTo(c.id())).extracting(Article::title).containsExactly("Card format",
                "Mill jams");
        assertThat(crm.cases().linkedTo(a.id())).extracting(Case::id).containsExactly(c.id());
        crm.cases().unlinkArticle(c.id(), b.id());
        assertThat(crm.knowledge().linkedTo(c.id())).extracting(Article::id).containsExactly(a.id());
        assertThat(crm.cases().linkedTo(b.id())).isEmpty();
    }

    @Test
    void badArticlesNameEveryFieldAndWriteNothing() {
        assertThatThrownBy(() -> crm.knowledge().create(ArticleDraft.of(" ", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("title", "body"));
        assertThat(events(ArticleSaved.class)).isEmpty();
    }

    @Test
    void productInformationIsKeptPerProductCode() {
        ProductId catalogId = ProductId.of(UUID.randomUUID());
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("weight", "15 t");
        specs.put("power", "steam");
        ProductInfo saved = crm.productInfo().save(new ProductInfoDetails("ENG-1", catalogId, "Difference Engine",
                "Tables", specs, List.of(new ProductDocument("Manual", "https://example.com/m.pdf", "manual"))));
        ProductInfo updated = crm.productInfo().save(new ProductInfoDetails("ENG-1", catalogId, "Difference Engine 2",
                null, Map.of("weight", "14 t"), List.of()));

        assertThat(events(ProductInfoSaved.class)).extracting(ProductInfoSaved::product).containsExactly(saved,
                updated);
        assertThat(updated.id()).isEqualTo(saved.id());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(saved.specifications().keySet()).containsExactly("weight", "power");
        assertThat(crm.productInfo().byCode(" ENG-1 ")).contains(updated);
        assertThat(crm.productInfo().byProduct(catalogId)).containsExactly(updated);
        assertThat(crm.productInfo().byCode("nope")).isEmpty();

        assertThatThrownBy(() -> crm.productInfo().save(new ProductInfoDetails(" ", null, "", null,
                Map.of("", "x"), List.of(new ProductDocument("Manual", "ftp:/nowhere", null)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("productCode", "name", "specifications",
                                "documents[0].url"));
    }
}
