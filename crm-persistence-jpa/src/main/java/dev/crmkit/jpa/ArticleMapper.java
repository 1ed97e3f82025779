package dev.crmkit.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.ArticleRevision;
import dev.crmkit.core.service.ArticleStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** {@link Article} to {@link ArticleEntity} and back. */
final class ArticleMapper {
    private ArticleMapper() {
    }

    static ArticleEntity toRow(Article a, boolean searchable) {
        ArticleEntity r = new ArticleEntity();
        r.title = a.title();
        r.body = a.body();
        r.tags = JsonColumns.strings(a.tags());
        r.productCodes = JsonColumns.strings(a.productCodes());
        r.status = a.status().name();
        r.revision = a.revision();
        r.revisions = JsonColumns.objects(a.revisions(), v -> {
            ObjectNode n = JsonColumns.object().put("revision", v.revision()).put("title", v.title())
                    .put("body", v.body()).put("editor", Ids.user(v.editor()))
                    .put("editedAt", v.editedAt() == null ? null : v.editedAt().toString());
            ArrayNode tags = n.putArray("tags");
            new TreeSet<>(v.tags()).forEach(tags::add);
            return n;
        });
        r.authorId = Ids.user(a.author());
        r.searchable = searchable;
        r.createdAt = a.createdAt();
        r.updatedAt = a.updatedAt();
        r.publishedAt = a.publishedAt();
        return r;
    }

    static Article toArticle(ArticleEntity r) {
        return new Article(ArticleId.of(r.id), r.version, r.title, r.body, JsonColumns.stringSet(r.tags),
                JsonColumns.stringSet(r.productCodes), ArticleStatus.valueOf(r.status), r.revision,
                JsonColumns.objects(r.revisions, n -> {
                    String editedAt = JsonColumns.text(n, "editedAt");
                    return new ArticleRevision(n.get("revision").asInt(), n.get("title").asText(),
                            n.get("body").asText(), tags(n.get("tags")), Ids.user(JsonColumns.text(n, "editor")),
                            editedAt == null ? null : Instant.parse(editedAt));
                }),
                Ids.user(r.authorId), r.createdAt, r.updatedAt, r.publishedAt);
    }

    private static Set<String> tags(JsonNode array) {
        Set<String> tags = new HashSet<>();
        if (array != null) {
            array.forEach(t -> tags.add(t.asText()));
        }
        return tags;
    }
}
