package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.Lead;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** Leads, contacts and accounts stored before version 16 are found by every blocking key once the database is upgraded. */
class MatchKeyBackfillTest {
    @Test
    void recordsStoredWithoutKeyRowsAreFoundByTheirKeysAfterTheUpgrade() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:backfill-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            Flyway.configure(getClass().getClassLoader())
                    .configuration(Migrations.flyway(pool, Database.H2).getConfiguration()).target("14").load()
                    .migrate();
            UUID id = UUID.randomUUID();
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO crm_lead (tenant_id, id, version, first_name, last_name, address_postal_code,"
                            + " address_country, birth_date, source, consent_email, consent_phone, consent_tracking,"
                            + " status, score, spam, created_at, updated_at) VALUES ('old', ?, 1, 'Ada', 'Lovelace',"
                            + " '2000', 'AU', ?, 'IMPORT', FALSE, FALSE, FALSE, 'NEW', 0, FALSE, ?, ?)")) {
                Timestamp at = Timestamp.from(Instant.parse("2025-06-01T00:00:00Z"));
                insert.setObject(1, id);
                insert.setDate(2, Date.valueOf(LocalDate.of(1815, 12, 10)));
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.executeUpdate();
            }
            UUID contact = UUID.randomUUID();
            UUID account = UUID.randomUUID();
            try (Connection c = pool.getConnection();
                 PreparedStatement contacts = c.prepareStatement("INSERT INTO crm_contact (tenant_id, id, version,"
                         + " first_name, last_name, stage, consent_email, consent_phone, consent_tracking,"
                         + " key_decision_maker, created_at, updated_at) VALUES ('old', ?, 1, 'Grace', 'Hopper',"
                         + " 'PROSPECT', FALSE, FALSE, FALSE, FALSE, ?, ?)");
                 PreparedStatement accounts = c.prepareStatement("INSERT INTO crm_account (tenant_id, id, version,"
                         + " name, website, stage, tags, created_at, updated_at) VALUES ('old', ?, 1, 'Acme Pty Ltd',"
                         + " 'https://www.acme.example/about', 'CUSTOMER', '[]', ?, ?)")) {
                Timestamp at = Timestamp.from(Instant.parse("2025-06-01T00:00:00Z"));
                for (PreparedStatement insert : List.of(contacts, accounts)) {
                    insert.setObject(1, insert == contacts ? contact : account);
                    insert.setTimestamp(2, at);
                    insert.setTimestamp(3, at);
                    insert.executeUpdate();
                }
            }
            try (JpaStorage storage = JpaStorage.create(pool)) {
                List<LeadId> byBirth = storage.read(TenantId.of("old"), tx -> tx.leads()
                        .findByBlockingKeys(List.of("b:1815-12-10")).stream().map(Lead::id).toList());
                List<LeadId> byName = storage.read(TenantId.of("old"), tx -> tx.leads()
                        .findByBlockingKeys(List.of("k:lovelace|a")).stream().map(Lead::id).toList());
                assertThat(byBirth).containsExactly(LeadId.of(id));
                assertThat(byName).containsExactly(LeadId.of(id));
                List<ContactId> contacts = storage.read(TenantId.of("old"), tx -> tx.contacts()
                        .findByMatchKeys(List.of("k:hopper|g")).stream().map(Contact::id).toList());
                List<AccountId> accounts = storage.read(TenantId.of("old"), tx -> tx.accounts()
                        .findByMatchKeys(List.of("d:acme.example")).stream().map(Account::id).toList());
                assertThat(contacts).containsExactly(ContactId.of(contact));
                assertThat(accounts).containsExactly(AccountId.of(account));
            }
        } finally {
            pool.dispose();
        }
    }
}
