package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
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

/** Accounts stored before schema version 4 are found by their tags once the database is upgraded. */
class AccountTagBackfillTest {
    @Test
    void accountsStoredBeforeVersion4KeepTheirTagsForSegments() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:backfill-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            Flyway.configure(getClass().getClassLoader()).dataSource(pool).locations(Migrations.LOCATION)
                    .table(Migrations.HISTORY_TABLE).placeholders(Database.H2.placeholders()).target("4").load()
                    .migrate();
            UUID tagged = UUID.randomUUID();
            UUID untagged = UUID.randomUUID();
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO crm_account (tenant_id, id, version, name, stage, tags, created_at, updated_at)"
                            + " VALUES ('old', ?, 1, 'Acme', 'CUSTOMER', ?, ?, ?)")) {
                Timestamp at = Timestamp.from(Instant.parse("2025-06-01T00:00:00Z"));
                for (Object[] row : List.of(new Object[] {tagged, "[\"strategic\",\"vip\"]"},
                        new Object[] {untagged, "[]"})) {
                    insert.setObject(1, row[0]);
                    insert.setString(2, (String) row[1]);
                    insert.setTimestamp(3, at);
                    insert.setTimestamp(4, at);
                    insert.executeUpdate();
                }
            }
            try (JpaStorage storage = JpaStorage.create(pool)) {
                List<EntityId> vip = storage.read(TenantId.of("old"), tx -> tx.segmentQueries().members(
                        SegmentTarget.ACCOUNT, Criteria.field("tags").contains("vip"), PageRequest.first(10)).items());
                long untaggedCount = storage.read(TenantId.of("old"), tx -> tx.segmentQueries().count(
                        SegmentTarget.ACCOUNT, Criteria.field("tags").isEmpty()));
                assertThat(vip).containsExactly(AccountId.of(tagged));
                assertThat(untaggedCount).isEqualTo(1);
            }
        } finally {
            pool.dispose();
        }
    }
}
