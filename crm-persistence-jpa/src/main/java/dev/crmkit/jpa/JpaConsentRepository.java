package dev.crmkit.jpa;

import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.consent.ConsentRepository;
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

    private final JpaTx tx;

    JpaConsentRepository(JpaTx tx) {
        this.tx = tx;
    }

    /** Three JDBC batches for any number of records: the records, the superseded states out, the new states in. */
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
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement forget = c.prepareStatement("DELETE FROM crm_consent_state"
                         + " WHERE tenant_id = ? AND person_id = ? AND purpose = ?");
                 PreparedStatement state = c.prepareStatement("INSERT INTO crm_consent_state (tenant_id, person_id,"
                         + " purpose, record_id, granted) VALUES (?, ?, ?, ?, ?)")) {
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
                for (ConsentRecord r : latest.values()) {
                    forget.setString(1, tx.tenantId());
                    JdbcParameters.uuid(forget, 2, r.person(), db);
                    forget.setString(3, r.purpose().name());
                    forget.addBatch();
                    state.setString(1, tx.tenantId());
                    JdbcParameters.uuid(state, 2, r.person(), db);
                    state.setString(3, r.purpose().name());
                    JdbcParameters.uuid(state, 4, r.id(), db);
                    state.setBoolean(5, r.granted());
                    state.addBatch();
                }
                forget.executeBatch();
                state.executeBatch();
            }
        });
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
