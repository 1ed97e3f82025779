package dev.crmkit.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.AuditRepository;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail ({@code crm_audit}, V25) in plain JDBC on the transaction's connection: a write's entries go in as
 * one batch (an import appends one per lead).
 */
final class JpaAuditRepository implements AuditRepository {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, record_type, record_id, record_version, audit_action, actor, made_at,"
            + " api_operation, field_changes";

    private final JpaTx tx;

    JpaAuditRepository(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        Database db = tx.database();
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_audit (tenant_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : entries) {
                    s.setString(1, tx.tenantId());
                    JdbcParameters.uuid(s, 2, e.id(), db);
                    s.setString(3, e.recordType());
                    JdbcParameters.uuid(s, 4, e.recordId(), db);
                    s.setLong(5, e.version());
                    s.setString(6, e.action().name());
                    s.setString(7, e.actor().value());
                    JdbcParameters.instant(s, 8, e.at(), db);
                    s.setString(9, e.operation());
                    s.setString(10, json(e.changes()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    @Override
    public Page<AuditEntry> forRecord(UUID recordId, PageRequest page) {
        Database db = tx.database();
        return page("record_id = ?", "record_version, made_at, id", page,
                (s, i) -> JdbcParameters.uuid(s, i, recordId, db), 1);
    }

    @Override
    public Page<AuditEntry> byActor(UserId actor, Instant from, Instant to, PageRequest page) {
        Database db = tx.database();
        return page("actor = ? AND made_at >= ? AND made_at < ?", "made_at, id", page, (s, i) -> {
            s.setString(i, actor.value());
            JdbcParameters.instant(s, i + 1, from, db);
            JdbcParameters.instant(s, i + 2, to, db);
        }, 3);
    }

    @Override
    public long deleteBefore(Instant cutoff) {
        Database db = tx.database();
        long[] deleted = new long[1];
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM crm_audit WHERE tenant_id = ? AND made_at < ?")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.instant(s, 2, cutoff, db);
                deleted[0] = s.executeUpdate();
            }
        });
        return deleted[0];
    }

    /** Binds a condition's parameters from position {@code first}. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s, int first) throws SQLException;
    }

    private Page<AuditEntry> page(String where, String order, PageRequest page, Binder binder, int parameters) {
        Database db = tx.database();
        String condition = " FROM crm_audit WHERE tenant_id = ? AND " + where;
        long[] total = new long[1];
        List<AuditEntry> items = new ArrayList<>();
        tx.jdbcRead(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + condition)) {
                count.setString(1, tx.tenantId());
                binder.bind(count, 2);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total[0] = rs.getLong(1);
                }
            }
            if (total[0] <= page.offset()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + condition + " ORDER BY " + order
                    + " LIMIT ? OFFSET ?")) {
                s.setString(1, tx.tenantId());
                binder.bind(s, 2);
                s.setInt(2 + parameters, page.size());
                s.setLong(3 + parameters, page.offset());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new AuditEntry(JdbcParameters.uuid(rs, 1, db), rs.getString(2),
                                JdbcParameters.uuid(rs, 3, db), rs.getLong(4), AuditAction.valueOf(rs.getString(5)),
                                UserId.of(rs.getString(6)), JdbcParameters.instant(rs, 7, db), rs.getString(8),
                                changes(rs.getString(9))));
                    }
                }
            }
        });
        return new Page<>(items, page, total[0]);
    }

    static String json(List<FieldChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write audit changes: " + e.getOriginalMessage(), e);
        }
    }

    static List<FieldChange> changes(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read audit changes: " + e.getOriginalMessage(), e);
        }
    }
}
