package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 16.1: writes the duplicate-matching key rows of every stored lead, contact and account, as their
 * repositories write them on save: leads stored before V12 had none, the others lack the name key ({@code k:}) that
 * replaced the separate name-key lookup, and contacts and accounts had no key tables before V16. Java, because the
 * keys are computed by crm-core's {@link BlockingKeys}.
 */
final class MatchKeyBackfill extends Backfill {
    private static final String ADDRESS = "address_street, address_city, address_region, address_postal_code,"
            + " address_country";
    private static final UUID NO_ID = new UUID(0, 0);
    private static final Instant EPOCH = Instant.EPOCH;

    /** The keys of the current row; the row's columns start with tenant and id. */
    @FunctionalInterface
    private interface Keys {
        Collection<String> of(ResultSet rs) throws SQLException;
    }

    MatchKeyBackfill() {
        super("16.1", "match keys of every stored lead, contact and account");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM crm_lead_match_key");
        }
        fill(c, "SELECT tenant_id, id, first_name, last_name, company, email, phone, unverified_phone, " + ADDRESS
                + ", birth_date, spam FROM crm_lead", "crm_lead_match_key (tenant_id, match_key, lead_id)",
                rs -> BlockingKeys.of(new Lead(LeadId.of(NO_ID), 0,
                        new Identity(rs.getString(3), rs.getString(4), rs.getString(5), null, date(rs, 14)),
                        new Reach(email(rs, 6), phone(rs, 7), rs.getString(8), address(rs, 9)),
                        Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW, null, 0, rs.getBoolean(15), null, null,
                        null, null, null, EPOCH, EPOCH, null)));
        fill(c, "SELECT tenant_id, id, first_name, last_name, email, phone, " + ADDRESS + ", birth_date"
                + " FROM crm_contact", "crm_contact_match_key (tenant_id, match_key, contact_id)",
                rs -> BlockingKeys.of(new Contact(ContactId.of(NO_ID), 0, null,
                        new ContactName(rs.getString(3), rs.getString(4), null),
                        new ContactPoints(email(rs, 5), phone(rs, 6), address(rs, 7)),
                        new Demographics(date(rs, 12), null, null), null, false, LifecycleStage.PROSPECT, null, null,
                        null, null, EPOCH, EPOCH)));
        fill(c, "SELECT tenant_id, id, name, website, " + ADDRESS + " FROM crm_account",
                "crm_account_match_key (tenant_id, match_key, account_id)",
                rs -> BlockingKeys.of(new Account(AccountId.of(NO_ID), 0, rs.getString(3), null, null,
                        address(rs, 5), rs.getString(4), null, LifecycleStage.PROSPECT, null, null, EPOCH, EPOCH)));
    }

    private static void fill(Connection c, String select, String table, Keys keys) throws SQLException {
        try (PreparedStatement rows = c.prepareStatement(select);
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)");
             ResultSet rs = rows.executeQuery()) {
            int batched = 0;
            while (rs.next()) {
                for (String key : keys.of(rs)) {
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

    /** The address in the five columns from {@code first}; none when all are empty. */
    private static Address address(ResultSet rs, int first) throws SQLException {
        String[] v = new String[5];
        boolean any = false;
        for (int i = 0; i < 5; i++) {
            v[i] = rs.getString(first + i);
            any |= v[i] != null;
        }
        return any ? new Address(v[0], v[1], v[2], v[3], v[4], null) : null;
    }

    private static EmailAddress email(ResultSet rs, int column) throws SQLException {
        String email = rs.getString(column);
        return email == null ? null : EmailAddress.of(email);
    }

    private static PhoneNumber phone(ResultSet rs, int column) throws SQLException {
        String phone = rs.getString(column);
        return phone == null ? null : new PhoneNumber(phone);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
