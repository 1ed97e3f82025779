package dev.crmkit.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 4.1: fills {@code crm_account_tag} (created by V4) from the tags JSON of the accounts stored before
 * it, so segment conditions on account tags see them without a re-save. Java, because the three databases read JSON
 * text differently.
 */
final class AccountTagBackfill extends Backfill {
    AccountTagBackfill() {
        super("4.1", "account tags from existing accounts");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement("SELECT tenant_id, id, tags FROM crm_account");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO crm_account_tag (tenant_id, tag, account_id) VALUES (?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            int batched = 0;
            while (rs.next()) {
                Object id = rs.getObject(2); // handed back as the driver gave it (UUID, or text on MariaDB)
                for (String tag : JsonColumns.stringSet(rs.getString(3))) {
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, tag);
                    insert.setObject(3, id);
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
