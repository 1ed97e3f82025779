package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One term of a published article with its weight: a posting of the knowledge base's inverted index. */
@Entity
@Table(name = "crm_article_term")
@IdClass(KeyRow.Key.class)
@AttributeOverride(name = "keyValue", column = @Column(name = "term"))
@AttributeOverride(name = "ownerId", column = @Column(name = "article_id"))
class ArticleTermRow extends KeyRow {
    int weight;

    ArticleTermRow() {
    }

    ArticleTermRow(String tenantId, String term, UUID article, int weight) {
        super(tenantId, term, article);
        this.weight = weight;
    }
}
