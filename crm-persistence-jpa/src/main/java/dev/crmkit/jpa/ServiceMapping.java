package dev.crmkit.jpa;

import java.util.List;

/** The entity classes of service tracking (migration {@code V5__service.sql}). */
final class ServiceMapping {
    static final List<Class<?>> ENTITIES = List.of(CaseEntity.class, CaseArticleRow.class,
            ServiceContractEntity.class, ArticleEntity.class, ArticleProductRow.class, ArticleTermRow.class,
            ProductInfoEntity.class);

    private ServiceMapping() {
    }
}
