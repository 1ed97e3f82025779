package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.Order;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportRow;
import dev.crmkit.reporting.TimeWindow;
import java.math.BigDecimal;
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

/** Enrollments stored before schema version 14 count in per-step statistics once the database is upgraded. */
class NurtureStepBackfillTest {
    @Test
    void enrollmentsStoredBeforeVersion14CountPerStep() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:steps-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            // every migration up to 13, the Java ones (4.1) included, as a node of that version left the schema
            Flyway.configure(getClass().getClassLoader())
                    .configuration(Migrations.flyway(pool, Database.H2).getConfiguration()).target("13").load()
                    .migrate();
            UUID sequence = UUID.randomUUID();
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO crm_nurture_enrollment (tenant_id, id, version, sequence_id, lead_id, status, step,"
                            + " path, sent, enrolled_at, updated_at)"
                            + " VALUES ('old', ?, 2, ?, ?, 'COMPLETED', 'end', ?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));
                for (String[] row : List.of(
                        new String[] {"[\"welcome\",\"wait\",\"end\"]", "{\"welcome\":\"" + UUID.randomUUID() + "\"}"},
                        new String[] {"[\"welcome\"]", "{}"})) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, sequence);
                    insert.setObject(3, UUID.randomUUID());
                    insert.setString(4, row[0]);
                    insert.setString(5, row[1]);
                    insert.setTimestamp(6, at);
                    insert.setTimestamp(7, at);
                    insert.executeUpdate();
                }
            }
            ReportDefinition steps = ReportDefinition.of("steps", FactSource.SEQUENCE_STEPS)
                    .groupBy(Dimension.SEQUENCE, Dimension.STEP)
                    .measure(Measure.count("entered")).measure(Measure.sum("sent", Field.SENT))
                    .orderBy(Order.asc(Dimension.STEP)).build();
            try (JpaStorage storage = JpaStorage.create(pool)) {
                List<ReportRow> rows = storage.read(TenantId.of("old"),
                        tx -> new JpaReportExecutor().execute(steps, TimeWindow.ALL, tx)).rows();
                assertThat(rows).containsExactly(row(sequence, "end", 1, 0), row(sequence, "wait", 1, 0),
                        row(sequence, "welcome", 2, 1));
            }
        } finally {
            pool.dispose();
        }
    }

    private static ReportRow row(UUID sequence, String step, long entered, long sent) {
        return new ReportRow(List.of(sequence.toString(), step),
                List.of(BigDecimal.valueOf(entered), BigDecimal.valueOf(sent)));
    }
}
