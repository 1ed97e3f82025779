package dev.crmkit.jpa;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes and queries the key tables ({@link KeyRow}) that index an aggregate's collection values. */
final class KeyTables {
    /** Creates one key row: tenant, key value, owner id. */
    @FunctionalInterface
    interface RowFactory {
        KeyRow create(String tenantId, String keyValue, UUID ownerId);
    }

    private static final Map<String, SqlNames> MATCH_KEY_TABLES = Map.of(
            "LeadMatchKeyRow", new SqlNames("crm_lead_match_key", "match_key", "lead_id"),
            "ContactMatchKeyRow", new SqlNames("crm_contact_match_key", "match_key", "contact_id"),
            "AccountMatchKeyRow", new SqlNames("crm_account_match_key", "match_key", "account_id"));

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
     * The owners of each of {@code keys} in the match-key table of {@code entity}, by key (keys nobody has are
     * absent): one index range scan per key, covered by the key table's primary key.
     */
    static Map<String, List<UUID>> ownersByKey(JpaTx tx, String entity, Collection<String> keys) {
        SqlNames names = MATCH_KEY_TABLES.get(entity);
        Map<String, List<UUID>> byKey = new HashMap<>();
        JdbcLookup.select(tx, names.key() + ", " + names.owner(), names.table(), names.key(), List.copyOf(keys),
                false, (rs, db) -> byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(JdbcParameters.uuid(rs, 2, db)));
        return byKey;
    }

    /**
     * The owners of each of {@code keys} among leads and among contacts, by key, in one statement over both match-key
     * tables ({@code UNION ALL}): duplicate matching asks for both on every capture.
     */
    static void peopleOwnersByKey(JpaTx tx, Collection<String> keys, Map<String, List<UUID>> leads,
                                  Map<String, List<UUID>> contacts) {
        List<JdbcLookup.Select> selects = new ArrayList<>();
        for (String entity : List.of("LeadMatchKeyRow", "ContactMatchKeyRow")) {
            SqlNames names = MATCH_KEY_TABLES.get(entity);
            selects.add(new JdbcLookup.Select(selects.size() + ", " + names.key() + ", " + names.owner(),
                    names.table(), names.key()));
        }
        JdbcLookup.union(tx, selects, List.copyOf(keys), false, (rs, db) -> (rs.getInt(1) == 0 ? leads : contacts)
                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(JdbcParameters.uuid(rs, 3, db)));
    }

    /**
     * Inserts the match keys of owners saved for the first time (none of them has a key row yet), in plain JDBC: an
     * import's batch brings thousands. PostgreSQL takes them as one statement over two arrays; the other databases
     * as one JDBC batch.
     */
    static void insertNew(JpaTx tx, String entity, Map<UUID, ? extends Collection<String>> keysByOwner) {
        SqlNames names = MATCH_KEY_TABLES.get(entity);
        List<String> keys = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        keysByOwner.forEach((owner, ownerKeys) -> ownerKeys.forEach(k -> {
            keys.add(k);
            owners.add(owner);
        }));
        if (keys.isEmpty()) {
            return;
        }
        Database db = tx.database();
        String columns = " (tenant_id, " + names.key() + ", " + names.owner() + ")";
        tx.jdbcWrite(c -> {
            if (db == Database.POSTGRESQL) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + names.table() + columns
                        + " SELECT ?, k, o FROM unnest(?::text[], ?::uuid[]) AS t (k, o)")) {
                    s.setString(1, tx.tenantId());
                    s.setArray(2, c.createArrayOf("text", keys.toArray()));
                    s.setArray(3, c.createArrayOf("uuid", owners.toArray()));
                    s.executeUpdate();
                }
                return;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + names.table() + columns
                    + " VALUES (?, ?, ?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(1, tx.tenantId());
                    s.setString(2, keys.get(i));
                    JdbcParameters.uuid(s, 3, owners.get(i), db);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** A match-key table's SQL names, for the JDBC statements. */
    private record SqlNames(String table, String key, String owner) {
    }

    /** An HQL condition: the row {@code r} has key {@code :param} in {@code entity}. */
    static String has(String entity, String param) {
        return "exists (select 1 from " + entity + " k where k.tenantId = r.tenantId and k.ownerId = r.id"
                + " and k.keyValue = :" + param + ")";
    }
}
