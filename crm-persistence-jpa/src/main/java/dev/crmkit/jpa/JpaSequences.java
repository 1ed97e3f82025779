package dev.crmkit.jpa;

import dev.crmkit.core.spi.Sequences;
import org.hibernate.StatelessSession;

/**
 * Counters in {@code crm_sequence}. Taking a value is an {@code UPDATE ... + 1} that locks the row until the
 * transaction ends, so two nodes can never both take the same value; a missing row is created with an insert that
 * ignores a concurrent creator (the SQL for that differs per database), then incremented the same way.
 */
final class JpaSequences implements Sequences {
    private final JpaTx tx;

    JpaSequences(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public long next(String name) {
        StatelessSession s = tx.sessionForWrite();
        if (increment(s, name) == 0) {
            s.createNativeMutationQuery(insertIfAbsent(tx.database()))
                    .setParameter("tenant", tx.tenantId()).setParameter("name", name).executeUpdate();
            increment(s, name);
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

    private static String insertIfAbsent(Database database) {
        return switch (database) {
            // A failed statement would abort a PostgreSQL transaction, so the conflict must not raise an error.
            case POSTGRESQL -> "INSERT INTO crm_sequence (tenant_id, name, last_value) VALUES (:tenant, :name, 0)"
                    + " ON CONFLICT DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO crm_sequence (tenant_id, name, last_value) VALUES (:tenant, :name, 0)";
            case H2 -> "MERGE INTO crm_sequence t USING (VALUES (CAST(:tenant AS VARCHAR(64)),"
                    + " CAST(:name AS VARCHAR(128)))) v(tenant_id, name)"
                    + " ON t.tenant_id = v.tenant_id AND t.name = v.name"
                    + " WHEN NOT MATCHED THEN INSERT (tenant_id, name, last_value) VALUES (v.tenant_id, v.name, 0)";
        };
    }
}
