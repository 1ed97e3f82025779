package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "ArticleRow")
@Table(name = "crm_article")
@IdClass(TenantKey.class)
class ArticleEntity extends VersionedRow {
    String title;
    String body;
    String tags;
    String productCodes;
    String status;
    int revision;
    String revisions;
    String authorId;
    boolean searchable;
    Instant createdAt;
    Instant updatedAt;
    Instant publishedAt;
}
