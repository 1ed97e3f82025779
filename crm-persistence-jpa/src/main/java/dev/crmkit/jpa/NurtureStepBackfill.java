package dev.crmkit.jpa;

import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.SentEmailId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 14.1: fills {@code crm_nurture_step} (created by V14) from the paths of the enrollments stored
 * before it, as the enrollment repository writes it on save.
 */
final class NurtureStepBackfill extends Backfill {
    private final Database database;

    NurtureStepBackfill(Database database) {
        super("14.1", "nurture steps from existing enrollments");
        this.database = database;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT tenant_id, id, sequence_id, lead_id, path, sent, enrolled_at FROM crm_nurture_enrollment");
             PreparedStatement insert = c.prepareStatement("INSERT INTO crm_nurture_step (tenant_id, enrollment_id,"
                     + " step, sequence_id, lead_id, sent_email_id, click_prefix, enrolled_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            int batched = 0;
            while (rs.next()) {
                Map<String, String> sent = JsonColumns.stringMap(rs.getString(6));
                for (String step : JsonColumns.stringList(rs.getString(5))) {
                    String email = sent.get(step);
                    insert.setString(1, rs.getString(1));
                    // handed back as the driver gave them (UUID, or text on MariaDB; instants likewise)
                    insert.setObject(2, rs.getObject(2));
                    insert.setString(3, step);
                    insert.setObject(4, rs.getObject(3));
                    insert.setObject(5, rs.getObject(4));
                    JdbcParameters.uuid(insert, 6, email == null ? null : UUID.fromString(email), database);
                    insert.setString(7, email == null ? null
                            : EmailService.clickEventPrefix(SentEmailId.of(UUID.fromString(email))));
                    insert.setObject(8, rs.getObject(7));
                    insert.addBatch();
                    if (++batched % JpaStorage.BATCH_SIZE == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
