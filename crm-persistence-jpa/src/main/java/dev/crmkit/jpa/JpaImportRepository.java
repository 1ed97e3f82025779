package dev.crmkit.jpa;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.transfer.ColumnMapping;
import dev.crmkit.core.transfer.ImportRepository;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.ImportedRow;
import dev.crmkit.core.transfer.SavedMapping;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imported rows ({@code crm_import_row}) and saved mappings ({@code crm_import_mapping}, V23) in plain JDBC on the
 * transaction's connection: a batch's keys are looked up together ({@link JdbcLookup}) and inserted as one batch.
 */
final class JpaImportRepository implements ImportRepository {
    private final JpaTx tx;

    JpaImportRepository(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, ImportedRow> findRows(Collection<String> keys) {
        Map<String, ImportedRow> found = new HashMap<>();
        JdbcLookup.select(tx, "row_key, target, record_id, imported_at", "crm_import_row", "row_key",
                List.copyOf(keys), false, (rs, db) -> found.put(rs.getString(1), new ImportedRow(rs.getString(1),
                        ImportTarget.valueOf(rs.getString(2)), JdbcParameters.uuid(rs, 3, db),
                        JdbcParameters.instant(rs, 4, db))));
        return found;
    }

    @Override
    public void insertRows(Collection<ImportedRow> rows) {
        Database db = tx.database();
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_import_row (tenant_id, row_key, target,"
                    + " record_id, imported_at) VALUES (?, ?, ?, ?, ?)")) {
                for (ImportedRow r : rows) {
                    s.setString(1, tx.tenantId());
                    s.setString(2, r.key());
                    s.setString(3, r.target().name());
                    JdbcParameters.uuid(s, 4, r.record(), db);
                    JdbcParameters.instant(s, 5, r.importedAt(), db);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        tx.statistics().imported(tx, rows.size());
    }

    @Override
    public void saveMapping(SavedMapping m) {
        Database db = tx.database();
        tx.jdbcWrite(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM crm_import_mapping WHERE tenant_id = ? AND name = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO crm_import_mapping (tenant_id, name,"
                         + " target, mapping, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, tx.tenantId());
                delete.setString(2, m.name());
                delete.executeUpdate();
                insert.setString(1, tx.tenantId());
                insert.setString(2, m.name());
                insert.setString(3, m.target().name());
                insert.setString(4, m.mapping().toText());
                insert.setString(5, m.savedBy().value());
                JdbcParameters.instant(insert, 6, m.savedAt(), db);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SavedMapping> findMapping(String name) {
        return mappings(" AND name = ?", name).stream().findFirst();
    }

    @Override
    public List<SavedMapping> mappings() {
        return mappings("", null);
    }

    private List<SavedMapping> mappings(String where, String name) {
        Database db = tx.database();
        return tx.session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, target, mapping, saved_by, saved_at"
                    + " FROM crm_import_mapping WHERE tenant_id = ?" + where + " ORDER BY name")) {
                s.setString(1, tx.tenantId());
                if (name != null) {
                    s.setString(2, name);
                }
                List<SavedMapping> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SavedMapping(rs.getString(1), ImportTarget.valueOf(rs.getString(2)),
                                ColumnMapping.parse(rs.getString(3)), UserId.of(rs.getString(4)),
                                JdbcParameters.instant(rs, 5, db)));
                    }
                }
                return out;
            }
        });
    }
}
