package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher's claim on PostgreSQL after a drained backlog: the statistics, taken while the backlog was pending,
 * still say nearly every row is pending. The claim must start at the earliest pending row (crm_outbox_claim), not
 * walk the primary key past every delivered row, which made each claim cost as much as all the claims before it.
 */
class PostgresOutboxClaimTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    private final String subscriber = "claim-" + UUID.randomUUID();

    @Test
    void aClaimAfterADrainedBacklogStartsAtTheEarliestPendingRow() throws SQLException {
        Outbox outbox = DATABASE.storage().outbox();
        execute("INSERT INTO crm_outbox (event_id, subscriber, tenant_id, event_type, aggregate_type, aggregate_id,"
                + " occurred_at, payload, status, attempts, due_at) SELECT gen_random_uuid(), '" + subscriber + "',"
                + " 'claims', 'LeadCaptured', 'Lead', gen_random_uuid()::text, now(), '{}', 'PENDING', 0,"
                + " 'epoch'::timestamptz FROM generate_series(1, 3000)");
        execute("ANALYZE crm_outbox");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Long> delivered = new ArrayList<>();
        for (int round = 0; round < 29; round++) {
            List<Long> batch = outbox.claim(List.of(subscriber), now, 100, "node-a", now.plusSeconds(300)).stream()
                    .map(OutboxEntry::sequence).toList();
            assertThat(batch).hasSize(100);
            outbox.delivered(batch, now);
            delivered.addAll(batch);
        }
        assertThat(delivered).isSorted().doesNotHaveDuplicates();

        String plan = explainClaim(now);
        assertThat(plan).contains("using crm_outbox_claim on crm_outbox o").doesNotContain("crm_outbox_pkey");
        List<OutboxEntry> rest = outbox.claim(List.of(subscriber), now, 200, "node-a", now.plusSeconds(300));
        assertThat(rest).hasSize(100).extracting(OutboxEntry::sequence).isSorted()
                .allSatisfy(seq -> assertThat(seq).isGreaterThan(delivered.get(delivered.size() - 1)));
    }

    private String explainClaim(Instant now) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = DATABASE.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN " + JpaOutbox.claimSql(1, 200))) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setString(2, subscriber);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DATABASE.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
