package dev.crmkit.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes and queries the key tables ({@link KeyRow}) that index an aggregate's collection values. */
final class KeyTables {
    /** Creates one key row: tenant, key value, owner id. */
    @FunctionalInterface
    interface RowFactory {
        KeyRow create(String tenantId, String keyValue, UUID ownerId);
    }

    private KeyTables() {
    }

    /** Makes the owner's keys in {@code entity} exactly {@code keys}; a new owner has none to delete. */
    static void replace(JpaTx tx, String entity, UUID owner, Collection<String> keys, boolean newOwner,
                        RowFactory rows) {
        var session = tx.sessionForWrite();
        if (!newOwner) {
            session.createMutationQuery("delete from " + entity
                            + " k where k.tenantId = :tenant and k.ownerId = :owner")
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("owner", owner)
                    .executeUpdate();
        }
        for (String key : keys) {
            session.insert(rows.create(tx.tenantId(), key, owner));
        }
    }

    /**
     * The owners of each of {@code keys} in {@code entity}, by key (keys nobody has are absent): one index range scan
     * per key, covered by the key table's primary key.
     */
    static Map<Object, List<UUID>> ownersByKey(JpaTx tx, String entity, Collection<String> keys) {
        List<Object[]> rows = tx.session().createSelectionQuery("select k.keyValue, k.ownerId from " + entity
                        + " k where k.tenantId = :tenant and k.keyValue in :keys", Object[].class)
                .setParameter("tenant", tx.tenantId())
                .setParameterList("keys", keys)
                .getResultList();
        Map<Object, List<UUID>> byKey = new HashMap<>();
        for (Object[] row : rows) {
            byKey.computeIfAbsent(row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return byKey;
    }

    /** An HQL condition: the row {@code r} has key {@code :param} in {@code entity}. */
    static String has(String entity, String param) {
        return "exists (select 1 from " + entity + " k where k.tenantId = r.tenantId and k.ownerId = r.id"
                + " and k.keyValue = :" + param + ")";
    }
}
