package dev.crmkit.jpa;

import dev.crmkit.core.spi.Sequences;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.StatelessSession;

/**
 * Counters in {@code crm_sequence}. Taking a value is an {@code UPDATE ... + 1} that locks the row until the
 * transaction ends, so two nodes can never both take the same value; a missing row is created with an insert that
 * ignores a concurrent creator (how differs per database), then incremented the same way. On MariaDB creating and
 * incrementing is one upsert, since InnoDB's gap locks would make concurrent creators deadlock.
 */
final class JpaSequences implements Sequences {
    private final JpaTx tx;

    JpaSequences(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public long next(String name) {
        StatelessSession s = tx.sessionForWrite();
        switch (tx.database()) {
            // One statement: InnoDB's UPDATE of a missing row would gap-lock, and concurrent creators then deadlock
            // on their inserts. A duplicate primary key here takes only the row lock, which orders the takers.
            case MARIADB -> s.createNativeMutationQuery("INSERT INTO crm_sequence (tenant_id, name, last_value)"
                            + " VALUES (:tenant, :name, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1")
                    .setParameter("tenant", tx.tenantId()).setParameter("name", name).executeUpdate();
            // A failed statement would abort a PostgreSQL transaction, so the conflict must not raise an error.
            case POSTGRESQL -> {
                if (increment(s, name) == 0) {
                    s.createNativeMutationQuery("INSERT INTO crm_sequence (tenant_id, name, last_value)"
                                    + " VALUES (:tenant, :name, 0) ON CONFLICT DO NOTHING")
                            .setParameter("tenant", tx.tenantId()).setParameter("name", name).executeUpdate();
                    increment(s, name);
                }
            }
            // H2 has no insert that waits out a concurrent creator and ignores it (its MERGE fails with a duplicate
            // key then), but a failed statement leaves an H2 transaction usable: insert, ignore a duplicate on the
            // JDBC connection (out of Hibernate's sight, which would mark the transaction for rollback).
            case H2 -> {
                if (increment(s, name) == 0) {
                    s.doWork(connection -> insertIgnoringDuplicate(connection, name));
                    increment(s, name);
                }
            }
        }
        return current(name);
    }

    @Override
    public long current(String name) {
        Object value = tx.session().createNativeQuery(
                        "SELECT last_value FROM crm_sequence WHERE tenant_id = :tenant AND name = :name", Object.class)
                .setParameter("tenant", tx.tenantId()).setParameter("name", name).uniqueResult();
        return value == null ? 0 : ((Number) value).longValue();
    }

    private int increment(StatelessSession s, String name) {
        return s.createNativeMutationQuery(
                        "UPDATE crm_sequence SET last_value = last_value + 1 WHERE tenant_id = :tenant AND name = :name")
                .setParameter("tenant", tx.tenantId()).setParameter("name", name).executeUpdate();
    }

    private void insertIgnoringDuplicate(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_sequence (tenant_id, name, last_value) VALUES (?, ?, 0)")) {
            insert.setString(1, tx.tenantId());
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
