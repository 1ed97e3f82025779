package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Leads stored before they checked their own rules (schema 20) still load, brought within the rules. */
class LeadRulesUpgradeTest {
    @Test
    void aMergedLeadThatWasGivenAVisitorBeforeVersion20LoadsWithoutIt() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:lead-rules-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            // every migration up to 19, as a node of that version left the schema
            Flyway.configure(getClass().getClassLoader())
                    .configuration(Migrations.flyway(pool, Database.H2).getConfiguration()).target("19").load()
                    .migrate();
            UUID merged = UUID.randomUUID();
            UUID survivor = UUID.randomUUID();
            UUID spam = UUID.randomUUID();
            try (Connection c = pool.getConnection()) {
                insert(c, merged, "MERGED", survivor, "[\"v-1\"]", false, 0, null);
                insert(c, survivor, "NEW", null, "[]", false, 10, null);
                insert(c, spam, "WORKING", null, "[]", true, 30, "no budget");
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO crm_lead_visitor (tenant_id, visitor_id, lead_id) VALUES ('old', 'v-1', ?)")) {
                    s.setObject(1, merged);
                    s.executeUpdate();
                }
            }
            try (JpaStorage storage = JpaStorage.create(pool)) {
                Lead m = storage.read(TenantId.of("old"), tx -> tx.leads().get(LeadId.of(merged)));
                Lead s = storage.read(TenantId.of("old"), tx -> tx.leads().get(LeadId.of(spam)));
                assertThat(m.status()).isEqualTo(LeadStatus.MERGED);
                assertThat(m.visitorIds()).isEmpty();
                List<Lead> ofVisitor = storage.read(TenantId.of("old"), tx -> tx.leads().findByVisitorId("v-1"));
                assertThat(ofVisitor).isEmpty();
                assertThat(s.score()).isZero();
                assertThat(s.outcome().unqualifiedReason()).isNull();
            }
        } finally {
            pool.dispose();
        }
    }

    private static void insert(Connection c, UUID id, String status, UUID mergedInto, String visitors, boolean spam,
                               int score, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_lead (tenant_id, id, version, first_name,"
                + " last_name, source, consent_email, consent_phone, consent_tracking, status, unqualified_reason,"
                + " score, spam, visitor_ids, merged_into, created_at, updated_at) VALUES ('old', ?, 1, 'Ada',"
                + " 'Lovelace', 'MANUAL', FALSE, FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(Instant.parse("2025-06-01T00:00:00Z"));
            s.setObject(1, id);
            s.setString(2, status);
            s.setString(3, reason);
            s.setInt(4, score);
            s.setBoolean(5, spam);
            s.setString(6, visitors);
            s.setObject(7, mergedInto);
            s.setTimestamp(8, at);
            s.setTimestamp(9, at);
            s.executeUpdate();
        }
    }
}
