package dev.crmkit.jpa;

import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.consent.ConsentRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Consent records ({@code crm_consent}, V26) and each person's latest per purpose ({@code crm_consent_state}) in plain
 * JDBC on the transaction's connection.
 */
final class JpaConsentRepository implements ConsentRepository {
    private static final String COLUMNS = "id, person_id, purpose, granted, basis, source, proof, recorded_by,"
            + " recorded_at";

    /**
     * One statement that waits out a concurrent writer of the same person and purpose and then replaces its state:
     * two changes at once both land in the history, and the later commit is the state (a delete then insert made the
     * second a duplicate key).
     */
    private static final Map<Database, String> UPSERT_STATE = Map.of(
            Database.POSTGRESQL, "INSERT INTO crm_consent_state (record_id, granted, tenant_id, person_id, purpose)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, person_id, purpose)"
                    + " DO UPDATE SET record_id = EXCLUDED.record_id, granted = EXCLUDED.granted",
            Database.MARIADB, "INSERT INTO crm_consent_state (record_id, granted, tenant_id, person_id, purpose)"
                    + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE record_id = VALUES(record_id),"
                    + " granted = VALUES(granted)");
    private static final String UPDATE_STATE = "UPDATE crm_consent_state SET record_id = ?, granted = ?"
            + " WHERE tenant_id = ? AND person_id = ? AND purpose = ?";
    private static final String INSERT_STATE = "INSERT INTO crm_consent_state (record_id, granted, tenant_id,"
            + " person_id, purpose) VALUES (?, ?, ?, ?, ?)";

    private final JpaTx tx;

    JpaConsentRepository(JpaTx tx) {
        this.tx = tx;
    }

    /** Two JDBC batches for any number of records: the records, then each person and purpose's new state. */
    @Override
    public void append(List<ConsentRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Database db = tx.database();
        // the latest of each person and purpose among the records becomes the state
        Map<String, ConsentRecord> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(r.person() + "/" + r.purpose(), r));
        tx.jdbcWrite(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_consent (tenant_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ConsentRecord r : records) {
                    insert.setString(1, tx.tenantId());
                    JdbcParameters.uuid(insert, 2, r.id(), db);
                    JdbcParameters.uuid(insert, 3, r.person(), db);
                    insert.setString(4, r.purpose().name());
                    insert.setBoolean(5, r.granted());
                    insert.setString(6, r.basis() == null ? null : r.basis().name());
                    insert.setString(7, r.source());
                    insert.setString(8, r.proof());
                    insert.setString(9, r.by().value());
                    JdbcParameters.instant(insert, 10, r.at(), db);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (db == Database.H2) {
                for (ConsentRecord r : latest.values()) {
                    setStateH2(c, r);
                }
                return;
            }
            try (PreparedStatement state = c.prepareStatement(UPSERT_STATE.get(db))) {
                for (ConsentRecord r : latest.values()) {
                    bindState(state, r, db);
                    state.addBatch();
                }
                state.executeBatch();
            }
        });
    }

    private void bindState(PreparedStatement s, ConsentRecord r, Database db) throws SQLException {
        JdbcParameters.uuid(s, 1, r.id(), db);
        s.setBoolean(2, r.granted());
        s.setString(3, tx.tenantId());
        JdbcParameters.uuid(s, 4, r.person(), db);
        s.setString(5, r.purpose().name());
    }

    /**
     * H2 has no upsert that waits out a concurrent creator (its MERGE then fails with a duplicate key), but a failed
     * statement leaves its transaction usable: update, else insert, and on a duplicate (a creator got there first)
     * update again.
     */
    private void setStateH2(Connection c, ConsentRecord r) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_STATE)) {
            bindState(update, r, Database.H2);
            if (update.executeUpdate() > 0) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_STATE)) {
                bindState(insert, r, Database.H2);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                update.executeUpdate();
            }
        }
    }

    @Override
    public List<ConsentRecord> history(UUID person) {
        return select("SELECT " + COLUMNS + " FROM crm_consent WHERE tenant_id = ? AND person_id = ?"
                + " ORDER BY recorded_at, id", person);
    }

    @Override
    public Map<ConsentPurpose, ConsentRecord> current(UUID person) {
        Map<ConsentPurpose, ConsentRecord> current = new EnumMap<>(ConsentPurpose.class);
        String columns = COLUMNS.replaceAll("(^|, )", "$1r.");
        for (ConsentRecord r : select("SELECT " + columns + " FROM crm_consent_state s JOIN crm_consent r"
                + " ON r.tenant_id = s.tenant_id AND r.id = s.record_id WHERE s.tenant_id = ? AND s.person_id = ?",
                person)) {
            current.put(r.purpose(), r);
        }
        return current;
    }

    @Override
    public Set<UUID> withdrawn(Collection<UUID> persons, ConsentPurpose purpose) {
        Set<UUID> withdrawn = new HashSet<>();
        JdbcLookup.select(tx, "person_id, purpose, granted", "crm_consent_state", "person_id", List.copyOf(persons),
                true, (rs, db) -> {
                    if (rs.getString(2).equals(purpose.name()) && !rs.getBoolean(3)) {
                        withdrawn.add(JdbcParameters.uuid(rs, 1, db));
                    }
                });
        return withdrawn;
    }

    private List<ConsentRecord> select(String sql, UUID person) {
        Database db = tx.database();
        List<ConsentRecord> found = new ArrayList<>();
        tx.jdbcRead(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, person, db);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs, db));
                    }
                }
            }
        });
        return found;
    }

    private static ConsentRecord read(ResultSet rs, Database db) throws SQLException {
        String basis = rs.getString(5);
        return new ConsentRecord(JdbcParameters.uuid(rs, 1, db), JdbcParameters.uuid(rs, 2, db),
                ConsentPurpose.valueOf(rs.getString(3)), rs.getBoolean(4),
                basis == null ? null : LawfulBasis.valueOf(basis), rs.getString(6), rs.getString(7),
                UserId.of(rs.getString(8)), JdbcParameters.instant(rs, 9, db));
    }
}
