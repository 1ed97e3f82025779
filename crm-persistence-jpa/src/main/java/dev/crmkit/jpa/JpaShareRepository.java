package dev.crmkit.jpa;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sharing.Share;
import dev.crmkit.core.sharing.ShareRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Shares ({@code crm_share}, V28) in plain JDBC on the transaction's connection. */
final class JpaShareRepository implements ShareRepository {
    private final JpaTx tx;

    JpaShareRepository(JpaTx tx) {
        this.tx = tx;
    }

    /**
     * One insert that ignores a share already there, so that two identical shares at once both succeed (the second
     * false) instead of one failing on the primary key: PostgreSQL ON CONFLICT DO NOTHING, MariaDB INSERT IGNORE, H2
     * a plain insert whose duplicate is caught (a failed statement leaves an H2 transaction usable).
     */
    @Override
    public boolean add(Share share) {
        Database db = tx.database();
        String columns = " INTO crm_share (tenant_id, record_id, user_id, shared_by, shared_at) VALUES (?, ?, ?, ?, ?)";
        String sql = switch (db) {
            case POSTGRESQL -> "INSERT" + columns + " ON CONFLICT DO NOTHING";
            case MARIADB -> "INSERT IGNORE" + columns;
            case H2 -> "INSERT" + columns;
        };
        int[] added = {0};
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, share.record(), db);
                s.setString(3, share.user().value());
                s.setString(4, share.by().value());
                JdbcParameters.instant(s, 5, share.at(), db);
                added[0] = s.executeUpdate();
            } catch (SQLException e) {
                if (db != Database.H2 || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        });
        return added[0] > 0;
    }

    @Override
    public boolean remove(UUID record, UserId user) {
        Database db = tx.database();
        int[] removed = {0};
        tx.jdbcWrite(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM crm_share WHERE tenant_id = ? AND record_id = ? AND user_id = ?")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, record, db);
                s.setString(3, user.value());
                removed[0] = s.executeUpdate();
            }
        });
        return removed[0] > 0;
    }

    @Override
    public List<Share> ofRecord(UUID record) {
        Database db = tx.database();
        List<Share> found = new ArrayList<>();
        tx.jdbcRead(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT user_id, shared_by, shared_at FROM crm_share"
                    + " WHERE tenant_id = ? AND record_id = ? ORDER BY shared_at, user_id")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, record, db);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Share(record, UserId.of(rs.getString(1)), UserId.of(rs.getString(2)),
                                JdbcParameters.instant(rs, 3, db)));
                    }
                }
            }
        });
        return found;
    }

    @Override
    public boolean isShared(UUID record, UserId user) {
        Database db = tx.database();
        boolean[] shared = {false};
        tx.jdbcRead(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM crm_share WHERE tenant_id = ? AND record_id = ? AND user_id = ?")) {
                s.setString(1, tx.tenantId());
                JdbcParameters.uuid(s, 2, record, db);
                s.setString(3, user.value());
                try (ResultSet rs = s.executeQuery()) {
                    shared[0] = rs.next();
                }
            }
        });
        return shared[0];
    }

    @Override
    public Set<UUID> sharedWith(UserId user) {
        Database db = tx.database();
        Set<UUID> records = new HashSet<>();
        tx.jdbcRead(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT record_id FROM crm_share WHERE tenant_id = ? AND user_id = ?")) {
                s.setString(1, tx.tenantId());
                s.setString(2, user.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.add(JdbcParameters.uuid(rs, 1, db));
                    }
                }
            }
        });
        return records;
    }
}
