package dev.crmkit.jpa;

import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Document records ({@code crm_document}, V21) in plain JDBC on the transaction's connection. */
final class JpaDocumentRepository implements DocumentRepository {
    private static final String COLUMNS = "id, owner_kind, owner_id, name, media_type, size_bytes, sha256, version,"
            + " created_by, created_at";

    private final JpaTx tx;

    JpaDocumentRepository(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Document d) {
        Database db = tx.database();
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_document (tenant_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, d.id().value(), db);
                s.setString(3, d.owner().kind().name());
                JdbcParameters.uuid(s, 4, d.owner().id(), db);
                s.setString(5, d.name());
                s.setString(6, d.mediaType());
                s.setLong(7, d.size());
                s.setString(8, d.sha256());
                s.setInt(9, d.version());
                s.setString(10, d.createdBy().value());
                JdbcParameters.instant(s, 11, d.createdAt(), db);
                s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        List<Document> found = query("SELECT " + COLUMNS + " FROM crm_document WHERE tenant_id = ? AND id = ?",
                id.value());
        return found.stream().findFirst();
    }

    @Override
    public List<Document> ofOwner(DocumentOwner owner) {
        Database db = tx.database();
        return tx.session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_document WHERE tenant_id = ?"
                    + " AND owner_kind = ? AND owner_id = ? ORDER BY name, version DESC")) {
                s.setString(1, tx.tenantId());
                s.setString(2, owner.kind().name());
                JdbcParameters.uuid(s, 3, owner.id(), db);
                return rows(s, db);
            }
        });
    }

    @Override
    public boolean delete(DocumentId id) {
        Database db = tx.database();
        return tx.sessionForWrite().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM crm_document WHERE tenant_id = ? AND id = ?")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, id.value(), db);
                return s.executeUpdate() > 0;
            }
        });
    }

    private List<Document> query(String sql, UUID id) {
        Database db = tx.database();
        return tx.session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, id, db);
                return rows(s, db);
            }
        });
    }

    private static List<Document> rows(PreparedStatement s, Database db) throws SQLException {
        List<Document> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Document(DocumentId.of(JdbcParameters.uuid(rs, 1, db)),
                        new DocumentOwner(DocumentOwner.Kind.valueOf(rs.getString(2)), JdbcParameters.uuid(rs, 3, db)),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8),
                        UserId.of(rs.getString(9)), JdbcParameters.instant(rs, 10, db)));
            }
        }
        return out;
    }
}
