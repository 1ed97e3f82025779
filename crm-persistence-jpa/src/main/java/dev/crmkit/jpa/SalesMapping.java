package dev.crmkit.jpa;

import java.util.List;

/** The sales aggregates' entity classes (schema {@code V3__sales.sql}), registered with {@link JpaStorage}. */
final class SalesMapping {
    static final List<Class<?>> ENTITIES = List.of(OpportunityEntity.class, ProductEntity.class,
            PriceBookEntity.class, QuoteEntity.class, OrderEntity.class, AccountTeamEntity.class,
            AccountTeamMemberRow.class);

    private SalesMapping() {
    }
}
