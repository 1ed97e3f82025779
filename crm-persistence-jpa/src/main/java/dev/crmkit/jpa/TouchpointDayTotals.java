package dev.crmkit.jpa;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import dev.crmkit.core.tracking.TouchpointKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code crm_touchpoint_day} table: touchpoint totals per UTC day ({@link TouchpointDayTotal}), added to in the
 * transaction that inserts the touchpoints, one upsert per key of the batch. Absent keys are stored as the nil UUID
 * or the empty string, so that each total has exactly one row (NULLs never collide in a primary key). Keys are
 * written in one order, so batches adding to the same totals wait for each other instead of deadlocking over them;
 * a writer holds its totals' rows until it commits (a host transaction that also locks its own rows in another
 * order can still deadlock with one, and is then rolled back, as on any row both touch).
 */
final class TouchpointDayTotals {
    private static final UUID NONE = new UUID(0, 0);
    private static final String DUPLICATE_KEY = "23505";
    private static final int H2_ATTEMPTS = 5;
    private static final String COLUMNS = "tenant_id, total_day, kind, campaign_id, ad_id, affiliate_id, channel,"
            + " rep_id, currency, touchpoints, event_count, value_amount, duration_seconds, timed";
    private static final String KEY = "tenant_id, total_day, kind, campaign_id, ad_id, affiliate_id, channel,"
            + " rep_id, currency";
    private static final List<String> SUMS = List.of("touchpoints", "event_count", "value_amount",
            "duration_seconds", "timed");
    private static final Comparator<TouchpointDayTotal.Key> ORDER = Comparator
            .comparing(TouchpointDayTotal.Key::day)
            .thenComparing(TouchpointDayTotal.Key::kind)
            .thenComparing(k -> text(k.campaign()))
            .thenComparing(k -> text(k.ad()))
            .thenComparing(k -> text(k.affiliate()))
            .thenComparing(TouchpointDayTotal.Key::channel)
            .thenComparing(k -> k.rep() == null ? "" : Ids.user(k.rep()))
            .thenComparing(k -> k.currency() == null ? "" : k.currency());

    private TouchpointDayTotals() {
    }

    private static String text(@Nullable EntityId id) {
        return id == null ? "" : id.value().toString();
    }

    /** The upsert of one total, per database: built once, used by every batch. */
    private static final Map<Database, String> UPSERTS = new EnumMap<>(Database.class);

    static {
        for (Database db : Database.values()) {
            UPSERTS.put(db, upsertSql(db));
        }
    }

    private static String upsertSql(Database db) {
        String values = "(" + String.join(", ", Collections.nCopies(14, "?")) + ")";
        return switch (db) {
            case POSTGRESQL -> "INSERT INTO crm_touchpoint_day (" + COLUMNS + ") VALUES " + values
                    + " ON CONFLICT (" + KEY + ") DO UPDATE SET " + String.join(", ", SUMS.stream()
                    .map(c -> c + " = crm_touchpoint_day." + c + " + excluded." + c).toList());
            case MARIADB -> "INSERT INTO crm_touchpoint_day (" + COLUMNS + ") VALUES " + values
                    + " ON DUPLICATE KEY UPDATE " + String.join(", ", SUMS.stream()
                    .map(c -> c + " = " + c + " + VALUES(" + c + ")").toList());
            case H2 -> "MERGE INTO crm_touchpoint_day t USING (SELECT CAST(? AS VARCHAR(64)) tenant_id,"
                    + " CAST(? AS DATE) total_day, CAST(? AS VARCHAR(32)) kind, CAST(? AS UUID) campaign_id,"
                    + " CAST(? AS UUID) ad_id, CAST(? AS UUID) affiliate_id, CAST(? AS VARCHAR(16)) channel,"
                    + " CAST(? AS VARCHAR(128)) rep_id, CAST(? AS VARCHAR(3)) currency, CAST(? AS BIGINT) touchpoints,"
                    + " CAST(? AS BIGINT) event_count, CAST(? AS DECIMAL(38,4)) value_amount,"
                    + " CAST(? AS BIGINT) duration_seconds, CAST(? AS BIGINT) timed) s ON ("
                    + String.join(" AND ", List.of(KEY.split(", ")).stream().map(c -> "t." + c + " = s." + c)
                    .toList())
                    + ") WHEN MATCHED THEN UPDATE SET " + String.join(", ", SUMS.stream()
                    .map(c -> c + " = t." + c + " + s." + c).toList())
                    + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + String.join(", ",
                    List.of(COLUMNS.split(", ")).stream().map(c -> "s." + c).toList()) + ")";
        };
    }

    /** Adds the touchpoints just inserted to their days' totals. */
    static void add(Connection c, String tenant, Database db, Collection<Touchpoint> inserted) throws SQLException {
        List<TouchpointDayTotal> totals = TouchpointDayTotal.of(inserted).values().stream()
                .sorted(Comparator.comparing(TouchpointDayTotal::key, ORDER)).toList();
        if (db != Database.H2) {
            upsert(c, tenant, db, totals);
            return;
        }
        // H2's MERGE is no atomic upsert: a writer inserting a total another one inserted at the same time fails on the
        // key once the other commits. Then the row is there, and adding to it again succeeds.
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                upsert(c, tenant, db, totals);
                c.releaseSavepoint(savepoint);
                return;
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (attempt == H2_ATTEMPTS || !DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static void upsert(Connection c, String tenant, Database db, List<TouchpointDayTotal> totals)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERTS.get(db))) {
            int batched = 0;
            for (int i = 0; i < totals.size(); i++) {
                bind(s, tenant, totals.get(i), db);
                s.addBatch();
                if (++batched == JpaStorage.BATCH_SIZE || i == totals.size() - 1) {
                    s.executeBatch();
                    batched = 0;
                }
            }
        }
    }

    private static void bind(PreparedStatement s, String tenant, TouchpointDayTotal t, Database db)
            throws SQLException {
        s.setString(1, tenant);
        s.setObject(2, t.day());
        s.setString(3, t.kind().name());
        JdbcParameters.uuid(s, 4, t.campaign() == null ? NONE : t.campaign().value(), db);
        JdbcParameters.uuid(s, 5, t.ad() == null ? NONE : t.ad().value(), db);
        JdbcParameters.uuid(s, 6, t.affiliate() == null ? NONE : t.affiliate().value(), db);
        s.setString(7, t.channel().name());
        s.setString(8, t.rep() == null ? "" : Ids.user(t.rep()));
        s.setString(9, t.currency() == null ? "" : t.currency());
        s.setLong(10, t.touchpoints());
        s.setLong(11, t.count());
        s.setBigDecimal(12, t.value());
        s.setLong(13, t.seconds());
        s.setLong(14, t.timed());
    }

    /**
     * Reads the tenant's totals of days in {@code [from, to)}. Equal ids and days come back as one instance each:
     * fewer objects, and a report grouping many totals finds their keys by identity.
     */
    static void forEach(Connection c, String tenant, Database db, @Nullable LocalDate from, @Nullable LocalDate to,
                        Consumer<? super TouchpointDayTotal> visitor) throws SQLException {
        String sql = "SELECT " + COLUMNS.substring("tenant_id, ".length()) + " FROM crm_touchpoint_day"
                + " WHERE tenant_id = ?" + (from == null ? "" : " AND total_day >= ?")
                + (to == null ? "" : " AND total_day < ?");
        Map<Object, Object> shared = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            s.setString(p++, tenant);
            if (from != null) {
                s.setObject(p++, from);
            }
            if (to != null) {
                s.setObject(p, to);
            }
            s.setFetchSize(JpaStorage.BATCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String rep = rs.getString(7);
                    String currency = rs.getString(8);
                    visitor.accept(new TouchpointDayTotal(one(shared, rs.getObject(1, LocalDate.class)),
                            TouchpointKind.valueOf(rs.getString(2)), id(rs, 3, db, CampaignId::of, shared),
                            id(rs, 4, db, AdId::of, shared), id(rs, 5, db, AffiliateId::of, shared),
                            Channel.valueOf(rs.getString(6)), rep.isEmpty() ? null : one(shared, Ids.user(rep)),
                            currency.isEmpty() ? null : one(shared, currency), rs.getLong(9), rs.getLong(10),
                            rs.getBigDecimal(11), rs.getLong(12), rs.getLong(13)));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T one(Map<Object, Object> shared, T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    private static <I> @Nullable I id(ResultSet rs, int column, Database db, Function<UUID, I> of,
                                      Map<Object, Object> shared) throws SQLException {
        UUID id = JdbcParameters.uuid(rs, column, db);
        return id.equals(NONE) ? null : one(shared, of.apply(id));
    }

    /**
     * SQL for the UTC day of {@code crm_touchpoint.occurred_at}: MariaDB's DATETIME holds UTC; H2 casts a time with
     * zone to DATE in the session's zone (the JVM's), so it formats the UTC date instead.
     */
    static String utcDay(Database db) {
        return switch (db) {
            case POSTGRESQL -> "CAST(occurred_at AT TIME ZONE 'UTC' AS DATE)";
            case MARIADB -> "CAST(occurred_at AS DATE)";
            case H2 -> "CAST(FORMATDATETIME(occurred_at, 'yyyy-MM-dd', 'en', 'UTC') AS DATE)";
        };
    }

    /**
     * Computes the tenant's totals afresh from its stored touchpoints, as migration V30 first did: after rows were
     * deleted or changed by hand ({@link RecordRepair}), whose columns may no longer be what was totalled.
     */
    static void rebuild(Connection c, String tenant, Database db) throws SQLException {
        String day = utcDay(db);
        String none = "'" + NONE + "'";
        String key = day + ", kind, COALESCE(campaign_id, " + none + "), COALESCE(ad_id, " + none + "),"
                + " COALESCE(affiliate_id, " + none + "), channel, COALESCE(rep_id, ''), COALESCE(value_currency, '')";
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM crm_touchpoint_day WHERE tenant_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO crm_touchpoint_day (" + COLUMNS + ")"
                     + " SELECT tenant_id, " + key + ", COUNT(*), SUM(event_count), COALESCE(SUM(value_amount), 0),"
                     + " COALESCE(SUM(duration_seconds), 0), COUNT(duration_seconds) FROM crm_touchpoint"
                     + " WHERE tenant_id = ? GROUP BY tenant_id, " + key)) {
            delete.setString(1, tenant);
            delete.executeUpdate();
            insert.setString(1, tenant);
            insert.executeUpdate();
        }
    }
}
