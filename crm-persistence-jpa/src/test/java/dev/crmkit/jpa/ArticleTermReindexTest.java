package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.service.ArticleMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Articles indexed by whole words before schema version 15 are found by inflected words once upgraded. */
class ArticleTermReindexTest {
    @Test
    void articlesIndexedBeforeVersion15AreFoundByOtherFormsOfTheirWords() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:terms-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            // every migration up to 14.1, as a node of that version left the schema, with its whole-word terms
            Flyway.configure(getClass().getClassLoader())
                    .configuration(Migrations.flyway(pool, Database.H2).getConfiguration()).target("14.1").load()
                    .migrate();
            UUID article = UUID.randomUUID();
            Timestamp at = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));
            try (Connection c = pool.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO crm_article (tenant_id, id, version,"
                         + " title, body, tags, product_codes, status, revision, revisions, author_id, searchable,"
                         + " created_at, updated_at, published_at) VALUES ('old', ?, 2, 'Engine jams at start',"
                         + " 'The feeder engine jams when cold.', '[\"feeders\"]', '[]', 'PUBLISHED', 1, '[]',"
                         + " 'rep-1', TRUE, ?, ?, ?)");
                 PreparedStatement term = c.prepareStatement("INSERT INTO crm_article_term (tenant_id, term,"
                         + " article_id, weight) VALUES ('old', ?, ?, ?)")) {
                insert.setObject(1, article);
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.executeUpdate();
                for (String word : new String[] {"engine", "jams", "start", "feeder", "cold", "feeders"}) {
                    term.setString(1, word);
                    term.setObject(2, article);
                    term.setInt(3, 1);
                    term.executeUpdate();
                }
            }
            try (JpaStorage storage = JpaStorage.create(pool);
                 Crm crm = Crm.builder().storage(storage)
                         .actor(new Actor(TenantId.of("old"), UserId.of("rep-1"), Set.of(Actor.MANAGER))).build()) {
                assertThat(crm.knowledge().search("engines jamming", 10)).extracting(ArticleMatch::article)
                        .extracting(a -> a.id().value()).containsExactly(article);
                assertThat(crm.knowledge().search("feeder", 10)).as("a tag's stem weighs as a tag")
                        .singleElement().satisfies(m -> assertThat(m.score()).isPositive());
            }
        } finally {
            pool.dispose();
        }
    }
}
