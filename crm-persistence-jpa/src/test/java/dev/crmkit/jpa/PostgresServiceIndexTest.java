package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lookups of service tracking that must stay fast as data grows are answered from their indexes: PostgreSQL's
 * planner, given a tenant with many closed cases and many articles, picks the index for the query shape the
 * repositories send (escalation's overdue cases, tracking numbers, search postings, the count of indexed articles).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresServiceIndexTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    private final String tenant = "plan-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void manyClosedCasesAndArticles() throws SQLException {
        DATABASE.storage(); // migrated
        execute("INSERT INTO crm_case (tenant_id, id, version, tracking_number, kind, priority, channel, subject,"
                + " status, next_due, created_at, updated_at)"
                + " SELECT '" + tenant + "', gen_random_uuid(), 1, 'CS-' || n, 'QUESTION', 'LOW', 'WEB', 's',"
                + " CASE WHEN n % 500 = 0 THEN 'NEW' ELSE 'CLOSED' END,"
                + " CASE WHEN n % 500 = 0 THEN now() - interval '1 hour' END, now(), now()"
                + " FROM generate_series(1, 20000) n");
        execute("INSERT INTO crm_article (tenant_id, id, version, title, body, status, revision, searchable,"
                + " created_at, updated_at) SELECT '" + tenant + "', gen_random_uuid(), 1, 'a' || n, 'b',"
                + " 'PUBLISHED', 1, n % 10 = 0, now(), now() FROM generate_series(1, 20000) n");
        execute("INSERT INTO crm_article_term (tenant_id, term, article_id, weight)"
                + " SELECT '" + tenant + "', 'w' || (n % 2000), id, 1 FROM (SELECT id, row_number() OVER () n"
                + " FROM crm_article WHERE tenant_id = '" + tenant + "') a");
        execute("ANALYZE crm_case");
        execute("ANALYZE crm_article");
        execute("ANALYZE crm_article_term");
    }

    @Test
    void overdueCasesAreReadFromTheNextDueIndex() throws SQLException {
        assertThat(plan("SELECT * FROM crm_case WHERE tenant_id = '" + tenant + "' AND next_due < now()"
                + " ORDER BY created_at, id")).contains("crm_case_next_due").doesNotContain("Seq Scan");
    }

    @Test
    void aTrackingNumberIsOneUniqueIndexHit() throws SQLException {
        assertThat(plan("SELECT * FROM crm_case WHERE tenant_id = '" + tenant + "' AND tracking_number = 'CS-77'"))
                .contains("crm_case_tracking_number").doesNotContain("Seq Scan");
    }

    @Test
    void searchReadsOnlyThePostingsOfTheQueryTermsAndCountsIndexedArticlesFromAnIndex() throws SQLException {
        assertThat(plan("SELECT t.article_id, sum(t.weight * CASE t.term WHEN 'w1' THEN 1.5 ELSE 0.0 END)"
                + " FROM crm_article_term t JOIN crm_article a ON a.tenant_id = t.tenant_id AND a.id = t.article_id"
                + " WHERE t.tenant_id = '" + tenant + "' AND t.term IN ('w1', 'w2')"
                + " GROUP BY t.article_id, a.title")).contains("crm_article_term_pkey")
                .doesNotContain("Seq Scan on crm_article_term");
        assertThat(plan("SELECT count(*) FROM crm_article WHERE tenant_id = '" + tenant + "' AND searchable"))
                .contains("crm_article_searchable").doesNotContain("Seq Scan");
    }

    private static String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = DATABASE.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DATABASE.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
