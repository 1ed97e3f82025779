package dev.crmkit.jpa;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.privacy.ErasureRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Erasure in plain JDBC on the transaction's connection: a statement per table, batched over the person's ids. The
 * session is stateless, so no entity Hibernate holds goes stale; its queued statements are sent first.
 */
final class JpaErasure implements ErasureRepository {
    private final JpaTx tx;

    JpaErasure(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public void deletePeople(Collection<LeadId> leads, Collection<ContactId> contacts) {
        List<UUID> leadIds = leads.stream().map(LeadId::value).toList();
        List<UUID> contactIds = contacts.stream().map(ContactId::value).toList();
        tx.flush();
        tx.jdbcWrite(c -> {
            for (String table : List.of("crm_lead_match_key", "crm_lead_tag", "crm_lead_visitor")) {
                byUuid(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND lead_id = ?", leadIds);
            }
            byUuid(c, "DELETE FROM crm_lead WHERE tenant_id = ? AND id = ?", leadIds);
            for (String table : List.of("crm_contact_match_key", "crm_contact_tag")) {
                byUuid(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND contact_id = ?", contactIds);
            }
            byUuid(c, "DELETE FROM crm_contact WHERE tenant_id = ? AND id = ?", contactIds);
        });
    }

    @Override
    public int anonymiseTouchpoints(Collection<LeadId> leads, Collection<ContactId> contacts,
                                    Collection<String> visitors) {
        String anonymise = "UPDATE crm_touchpoint SET visitor_id = NULL, lead_id = NULL, contact_id = NULL,"
                + " outcome = NULL, detail = NULL, channel_reference = NULL WHERE tenant_id = ? AND ";
        int[] changed = {0};
        tx.flush();
        tx.jdbcWrite(c -> {
            changed[0] += byUuid(c, anonymise + "lead_id = ?", leads.stream().map(LeadId::value).toList());
            changed[0] += byUuid(c, anonymise + "contact_id = ?", contacts.stream().map(ContactId::value).toList());
            // a visitor's events linked to someone else (a shared device) are that person's, not this one's
            changed[0] += byString(c, anonymise + "visitor_id = ? AND lead_id IS NULL AND contact_id IS NULL",
                    visitors);
        });
        return changed[0];
    }

    @Override
    public void forgetEmail(Collection<EmailAddress> addresses, Collection<UUID> people) {
        List<String> emails = addresses.stream().map(EmailAddress::value).toList();
        tx.flush();
        tx.jdbcWrite(c -> {
            byString(c, "DELETE FROM crm_email_recipient WHERE tenant_id = ? AND email = ?", emails);
            byString(c, "DELETE FROM crm_email_consent_change WHERE tenant_id = ? AND email = ?", emails);
            byString(c, "DELETE FROM crm_email_sent WHERE tenant_id = ? AND to_address = ?", emails);
            byUuid(c, "DELETE FROM crm_email_sent WHERE tenant_id = ? AND lead_id = ?", people);
            byUuid(c, "DELETE FROM crm_email_sent WHERE tenant_id = ? AND contact_id = ?", people);
        });
    }

    @Override
    public void forgetRecords(Collection<UUID> records) {
        List<String> names = records.stream().map(UUID::toString).toList();
        tx.flush();
        tx.jdbcWrite(c -> {
            byUuid(c, "DELETE FROM crm_consent WHERE tenant_id = ? AND person_id = ?", records);
            byUuid(c, "DELETE FROM crm_consent_state WHERE tenant_id = ? AND person_id = ?", records);
            byUuid(c, "DELETE FROM crm_nurture_step WHERE tenant_id = ? AND lead_id = ?", records);
            byUuid(c, "DELETE FROM crm_nurture_enrollment WHERE tenant_id = ? AND lead_id = ?", records);
            byUuid(c, "DELETE FROM crm_automation_member WHERE tenant_id = ? AND member_id = ?", records);
            byString(c, "DELETE FROM crm_automation_run WHERE tenant_id = ? AND record_id = ?", names);
            byString(c, "DELETE FROM crm_automation_due WHERE tenant_id = ? AND record_id = ?", names);
            byUuid(c, "DELETE FROM crm_share WHERE tenant_id = ? AND record_id = ?", records);
            byUuid(c, "DELETE FROM crm_audit WHERE tenant_id = ? AND record_id = ?", records);
            byString(c, "DELETE FROM crm_outbox WHERE tenant_id = ? AND aggregate_id = ?", names);
        });
    }

    @Override
    public void scrubAudit(Collection<UUID> records, UnaryOperator<String> scrub) {
        if (records.isEmpty()) {
            return;
        }
        Database db = tx.database();
        tx.flush();
        tx.jdbcWrite(c -> {
            Map<UUID, String> rewritten = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, field_changes FROM crm_audit WHERE tenant_id = ? AND record_id = ?")) {
                for (UUID record : records) {
                    s.setString(1, tx.tenantId());
                    JdbcParameters.uuid(s, 2, record, db);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String held = rs.getString(2);
                            String scrubbed = JpaAuditRepository.json(JpaAuditRepository.changes(held).stream()
                                    .map(change -> change.scrubbed(scrub)).toList());
                            if (!scrubbed.equals(held)) {
                                rewritten.put(JdbcParameters.uuid(rs, 1, db), scrubbed);
                            }
                        }
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE crm_audit SET field_changes = ? WHERE tenant_id = ? AND id = ?")) {
                for (Map.Entry<UUID, String> e : rewritten.entrySet()) {
                    u.setString(1, e.getValue());
                    u.setString(2, tx.tenantId());
                    JdbcParameters.uuid(u, 3, e.getKey(), db);
                    u.addBatch();
                }
                u.executeBatch();
            }
        });
    }

    @Override
    public void scrubOutbox(Collection<String> traces, UnaryOperator<String> scrub) {
        if (traces.isEmpty()) {
            return;
        }
        tx.flush();
        tx.jdbcWrite(c -> {
            Map<Long, String> rewritten = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, payload FROM crm_outbox WHERE tenant_id = ? AND payload LIKE ? ESCAPE '!'")) {
                for (String trace : traces) {
                    s.setString(1, tx.tenantId());
                    s.setString(2, "%" + trace.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            String payload = rewritten.getOrDefault(seq, rs.getString(2));
                            rewritten.put(seq, scrub.apply(payload));
                        }
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE crm_outbox SET payload = ? WHERE seq = ?")) {
                for (Map.Entry<Long, String> e : rewritten.entrySet()) {
                    u.setString(1, e.getValue());
                    u.setLong(2, e.getKey());
                    u.addBatch();
                }
                u.executeBatch();
            }
        });
    }

    /** Runs {@code sql} (tenant, then one id) for each id as one batch; how many rows it changed. */
    private int byUuid(Connection c, String sql, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (UUID id : ids) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, id, tx.database());
                s.addBatch();
            }
            return total(s.executeBatch());
        }
    }

    private int byString(Connection c, String sql, Collection<String> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String value : values) {
                s.setString(1, tx.tenantId());
                s.setString(2, value);
                s.addBatch();
            }
            return total(s.executeBatch());
        }
    }

    private static int total(int[] counts) {
        int sum = 0;
        for (int n : counts) {
            sum += Math.max(n, 0); // SUCCESS_NO_INFO (-2): a driver that does not count
        }
        return sum;
    }
}
