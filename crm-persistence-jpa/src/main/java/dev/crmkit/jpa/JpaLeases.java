package dev.crmkit.jpa;

import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.spi.HostTransactions;
import dev.crmkit.core.spi.Leases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Leases in {@code crm_lease} (V19), each statement committed on its own: a conditional UPDATE takes a free, expired
 * or own lease (the row lock orders two nodes, and the loser's condition no longer holds on the row the winner
 * wrote); a name nobody has taken yet is INSERTed, and the primary key lets one of several nodes in.
 */
final class JpaLeases implements Leases {
    private static final String TAKE = "UPDATE crm_lease SET holder = ?, held_until = ? WHERE name = ?"
            + " AND (holder = ? OR held_until <= ?)";
    private static final String FIRST = "INSERT INTO crm_lease (name, holder, held_until) VALUES (?, ?, ?)";
    private static final String EXISTS = "SELECT 1 FROM crm_lease WHERE name = ?";

    private final DataSource dataSource;
    private final Database db;
    private final HostTransactions host;

    JpaLeases(DataSource dataSource, Database db, HostTransactions host) {
        this.dataSource = dataSource;
        this.db = db;
        this.host = host;
    }

    @Override
    public boolean acquire(String name, String holder, Instant now, Instant until) {
        Leases.check(name, holder);
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement(TAKE)) {
                s.setString(1, holder);
                JdbcParameters.instant(s, 2, until, db);
                s.setString(3, name);
                s.setString(4, holder);
                JdbcParameters.instant(s, 5, now, db);
                if (s.executeUpdate() == 1) {
                    return true;
                }
            }
            // Held by another node: the usual answer for every follower at every tick. Only a lease never taken is
            // inserted, so followers do not make the database log a key violation each time they ask.
            try (PreparedStatement s = c.prepareStatement(EXISTS)) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(FIRST)) {
                s.setString(1, name);
                s.setString(2, holder);
                JdbcParameters.instant(s, 3, until, db);
                return s.executeUpdate() == 1;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;   // another node holds it (or took it first just now)
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("lease " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String name, String holder) {
        Leases.check(name, holder);
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM crm_lease WHERE name = ? AND holder = ?")) {
            s.setString(1, name);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("lease " + name + ": " + e.getMessage(), e);
        }
    }

    /** A connection of its own in auto-commit mode: a lease must never ride on (or wait for) a host transaction. */
    private Connection connection() throws SQLException {
        if (host.active()) {
            throw new IllegalStateException("leases are taken outside host transactions");
        }
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}
