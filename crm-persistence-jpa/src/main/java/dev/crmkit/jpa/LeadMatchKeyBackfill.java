package dev.crmkit.jpa;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 16.1: rewrites {@code crm_lead_match_key} from the stored leads, as the lead repository writes it
 * on save: leads stored before V12 had no key rows, and the others lack the name key ({@code k:}) that replaced the
 * separate name-key lookup of duplicate matching. Java, because the keys are computed by crm-core's
 * {@link BlockingKeys}.
 */
final class LeadMatchKeyBackfill extends Backfill {
    LeadMatchKeyBackfill() {
        super("16.1", "lead match keys of every stored lead");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM crm_lead_match_key");
        }
        try (PreparedStatement select = c.prepareStatement("SELECT tenant_id, id, first_name, last_name, company,"
                + " email, phone, unverified_phone, address_street, address_city, address_region,"
                + " address_postal_code, address_country, birth_date, spam FROM crm_lead");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO crm_lead_match_key (tenant_id, match_key, lead_id) VALUES (?, ?, ?)");
             ResultSet rs = select.executeQuery()) {
            int batched = 0;
            while (rs.next()) {
                for (String key : BlockingKeys.of(lead(rs))) {
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, key);
                    insert.setObject(3, rs.getObject(2)); // as the driver gave it (UUID, or text on MariaDB)
                    insert.addBatch();
                    if (++batched % JpaStorage.BATCH_SIZE == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** The fields of the current row that matching reads; the rest are placeholders the keys do not use. */
    private static Lead lead(ResultSet rs) throws SQLException {
        String street = rs.getString(9);
        String city = rs.getString(10);
        String region = rs.getString(11);
        String postalCode = rs.getString(12);
        String country = rs.getString(13);
        Address address = street == null && city == null && region == null && postalCode == null && country == null
                ? null : new Address(street, city, region, postalCode, country, null);
        String email = rs.getString(6);
        String phone = rs.getString(7);
        Date born = rs.getDate(14);
        Instant epoch = Instant.EPOCH;
        return new Lead(LeadId.of(new UUID(0, 0)), 0, rs.getString(3), rs.getString(4), rs.getString(5), null,
                email == null ? null : EmailAddress.of(email), phone == null ? null : new PhoneNumber(phone),
                rs.getString(8), address, born == null ? null : born.toLocalDate(), LeadSource.IMPORT, null, null,
                LeadStatus.NEW, null, 0, null, rs.getBoolean(15), null, null, null, null, null, null, null, null,
                epoch, epoch, null);
    }
}
