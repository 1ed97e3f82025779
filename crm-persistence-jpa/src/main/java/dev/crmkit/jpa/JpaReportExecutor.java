package dev.crmkit.jpa;

import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Filter;
import dev.crmkit.reporting.GroupTotals;
import dev.crmkit.reporting.InMemoryReportExecutor;
import dev.crmkit.reporting.Measure.Aggregate;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.TimeWindow;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pushes reports down to the database as one GROUP BY query over the table of their fact source: the database
 * totals (counts, sums, minima, maxima, distinct counts, each under its measure's conditions), and
 * {@link GroupTotals} divides, orders and limits exactly as the in-memory engine does, so both return the same.
 * Definitions this executor cannot push down ({@link #pushesDown} is false: a source, dimension or field without
 * SQL here) run on the {@link InMemoryReportExecutor}, as do transactions of other storages; so do, on MariaDB,
 * reports with calendar days in a zone with daylight saving time (MariaDB converts to fixed offsets only unless its
 * time zone tables are loaded, which this adapter does not assume) and, on H2, purchases by rep (a JSON list per row).
 */
public final class JpaReportExecutor implements ReportExecutor {
    private final ReportExecutor fallback = new InMemoryReportExecutor();

    /**
     * Whether {@code definition} can run as SQL here rather than in memory: every source, dimension and field it uses
     * has SQL. Some databases still run it in memory (see the class comment): MariaDB for calendar days in a zone
     * with daylight saving time, H2 for purchases by rep.
     */
    public static boolean pushesDown(ReportDefinition definition) {
        FactSql facts = FactSql.of(definition.source());
        if (facts == null) {
            return false;
        }
        for (Dimension d : definition.dimensionsRead()) {
            if (!facts.has(d)) {
                return false;
            }
        }
        for (Measure m : definition.measures()) {
            if (m.field() != null && !facts.has(m.field())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ReportResult execute(ReportDefinition definition, TimeWindow window, StorageTx tx) {
        return execute(definition, window, Visibility.everything(), tx);
    }

    @Override
    public ReportResult execute(ReportDefinition definition, TimeWindow window, Visibility visibility,
                                StorageTx tx) {
        if (InMemoryReportExecutor.answersFromDayTotals(definition, window)) {
            // a few rows per day, added up as the reference does, beat a GROUP BY over every touchpoint
            return fallback.execute(definition, window, visibility, tx);
        }
        if (!(tx instanceof JpaTx jpa) || !pushesDown(definition)
                || !CalendarSql.supports(jpa.database(), definition.zone()) && zoned(definition)) {
            return fallback.execute(definition, window, visibility, tx);
        }
        FactSql facts = FactSql.of(definition.source());
        Database db = jpa.database();
        String from = facts.from(definition.dimensionsRead(), db);
        if (from == null) {
            return fallback.execute(definition, window, visibility, tx);
        }
        ZoneId zone = definition.zone();
        Query q = new Query(facts, db, zone);
        List<Dimension> dimensions = definition.dimensions();
        List<String> groupBy = new ArrayList<>();
        boolean[] firstDays = new boolean[dimensions.size()];
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            String firstDay = dimension.isTime() ? CalendarSql.firstDay(db, dimension, facts.time(), zone) : null;
            firstDays[d] = firstDay != null;
            groupBy.add(firstDay != null ? firstDay : facts.key(dimension, db, zone));
        }
        List<String> select = new ArrayList<>(groupBy);
        List<Measure> measures = definition.measures();
        // per measure, the 1-based result column of its total and of the count an average divides by (0: none)
        int[] totalColumn = new int[measures.size()];
        int[] countColumn = new int[measures.size()];
        for (int m = 0; m < measures.size(); m++) {
            Measure measure = measures.get(m);
            String when = q.conditions(measure.where());
            String total = switch (measure.aggregate()) {
                case COUNT -> q.aggregate("count", "*", when);
                case DISTINCT_COUNT -> q.aggregate("count", "distinct " + facts.key(measure.of(), db, zone), when);
                case SUM, AVG -> q.aggregate("sum", facts.field(measure.field(), db, zone), when);
                case MIN -> q.aggregate("min", facts.field(measure.field(), db, zone), when);
                case MAX -> q.aggregate("max", facts.field(measure.field(), db, zone), when);
                case RATIO -> null;
            };
            if (total != null) {
                select.add(total);
                totalColumn[m] = select.size();
            }
            if (measure.aggregate() == Aggregate.AVG) {
                select.add(q.aggregate("count", facts.field(measure.field(), db, zone), q.conditions(measure.where())));
                countColumn[m] = select.size();
            }
        }
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select))
                .append(" from ").append(from).append(" where tenant_id = ?");
        q.binds.add(jpa.tenantId());
        if (window.from() != null) {
            sql.append(" and ").append(facts.time()).append(" >= ?");
            q.binds.add(window.from());
        }
        if (window.to() != null) {
            sql.append(" and ").append(facts.time()).append(" < ?");
            q.binds.add(window.to());
        }
        if (facts.where() != null) {
            sql.append(" and ").append(facts.where());
        }
        String seen = seen(definition.source(), facts.table(), new SeenBy.Jdbc(jpa.tenantId(), visibility, q.binds),
                visibility);
        if (seen != null) {
            sql.append(" and ").append(seen);
        }
        String filters = q.conditions(definition.filters());
        if (filters != null) {
            sql.append(" and ").append(filters);
        }
        if (!groupBy.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", groupBy));
        }
        GroupTotals.Builder groups = GroupTotals.builder(definition);
        jpa.session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < q.binds.size(); i++) {
                    bind(statement, i + 1, q.binds.get(i), db);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    read(rows, dimensions, firstDays, totalColumn, countColumn, groups);
                }
            }
        });
        return groups.finish(window);
    }

    /** Plain JDBC: one row per group, read without an ORM's per-row overhead (tens of thousands of groups). */
    private static void read(ResultSet rows, List<Dimension> dimensions, boolean[] firstDays, int[] totalColumn,
                             int[] countColumn, GroupTotals.Builder groups) throws SQLException {
        int dims = dimensions.size();
        while (rows.next()) {
            String[] keys = new String[dims];
            for (int d = 0; d < dims; d++) {
                if (firstDays[d]) {
                    LocalDate day = rows.getObject(d + 1, LocalDate.class);
                    keys[d] = day == null ? null : dimensions.get(d).keyOf(day);
                } else {
                    keys[d] = key(rows.getObject(d + 1));
                }
            }
            BigDecimal[] totals = new BigDecimal[totalColumn.length];
            long[] counts = new long[totalColumn.length];
            for (int m = 0; m < totalColumn.length; m++) {
                totals[m] = totalColumn[m] == 0 ? null : rows.getBigDecimal(totalColumn[m]);
                counts[m] = countColumn[m] == 0 ? 0 : rows.getLong(countColumn[m]);
            }
            groups.add(keys, totals, counts);
        }
    }

    /** Binds as the adapter's mapping stores (see {@link JdbcParameters}). */
    private static void bind(PreparedStatement statement, int index, Object value, Database db) throws SQLException {
        if (value instanceof Instant instant) {
            JdbcParameters.instant(statement, index, instant, db);
        } else if (value instanceof UUID id) {
            JdbcParameters.uuid(statement, index, id, db);
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * The rows of the records {@code visibility} sees, as the reference executor filters them (see
     * {@code SeenFacts}); null for all of them.
     */
    private static @Nullable String seen(FactSource source, String table, SeenBy.Jdbc seen, Visibility visibility) {
        if (visibility.all()) {
            return null;
        }
        return switch (source) {
            case TOUCHPOINTS, SEQUENCE_STEPS -> null; // tenant-wide counts (ReportService checks their dimensions)
            case LEADS -> seen.lead(table);
            case CONTACTS, OPPORTUNITIES, CASES -> seen.ofAccount(table);
            case PURCHASES -> seen.purchase(table);
            case TASKS -> seen.task(table);
        };
    }

    /** Whether the definition has days in it: calendar dimensions or a count of calendar days. */
    private static boolean zoned(ReportDefinition def) {
        return def.dimensionsRead().stream().anyMatch(Dimension::isTime)
                || def.measures().stream().anyMatch(m -> m.field() != null && FactSql.zoned(m.field()));
    }

    /** A key as the in-memory engine writes it; some drivers return UUID columns as 16 bytes. */
    private static String key(Object value) {
        if (value instanceof byte[] b && b.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong()).toString();
        }
        return value == null ? null : value.toString();
    }

    /** The positional parameters of one query, in order, and the SQL of filter conditions that use them. */
    private static final class Query {
        final List<Object> binds = new ArrayList<>();
        private final FactSql facts;
        private final Database db;
        private final ZoneId zone;

        Query(FactSql facts, Database db, ZoneId zone) {
            this.facts = facts;
            this.db = db;
            this.zone = zone;
        }

        /**
         * Aggregate {@code function} of {@code argument} over the rows meeting {@code condition} (null: all rows).
         * PostgreSQL and H2 take a FILTER clause, which their planners run faster than CASE; MariaDB has none.
         */
        String aggregate(String function, String argument, String condition) {
            if (condition == null) {
                return function + "(" + argument + ")";
            }
            if (db != Database.MARIADB) {
                return function + "(" + argument + ") filter (where " + condition + ")";
            }
            if (argument.equals("*")) {
                return function + "(case when " + condition + " then 1 end)";
            }
            String distinct = argument.startsWith("distinct ") ? "distinct " : "";
            return function + "(" + distinct + "case when " + condition + " then "
                    + argument.substring(distinct.length()) + " end)";
        }

        /** The conjunction of {@code filters}, or null for none; appends their parameters. */
        String conditions(List<Filter> filters) {
            if (filters.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (Filter f : filters) {
                parts.add(condition(f));
            }
            return "(" + String.join(" and ", parts) + ")";
        }

        /** A filter as SQL, with null keys matched explicitly: SQL's {@code IN} never matches NULL. */
        private String condition(Filter f) {
            String column = facts.key(f.dimension(), db, zone);
            boolean withNull = f.values().contains(null);
            List<Object> values = new ArrayList<>();
            for (String v : f.values()) {
                if (v == null) {
                    continue;
                }
                if (facts.uuids().contains(f.dimension())) {
                    try {
                        values.add(UUID.fromString(v));
                    } catch (IllegalArgumentException notAnId) {
                        continue; // matches no stored id
                    }
                } else {
                    values.add(v);
                }
            }
            String in = null;
            if (!values.isEmpty()) {
                binds.addAll(values);
                in = column + " in (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
            }
            if (!f.exclude()) {
                if (in == null) {
                    return withNull ? column + " is null" : "1 = 0";
                }
                return withNull ? "(" + column + " is null or " + in + ")" : in;
            }
            if (in == null) {
                return withNull ? column + " is not null" : "1 = 1";
            }
            return withNull ? "(" + column + " is not null and not " + in + ")"
                    : "(" + column + " is null or not " + in + ")";
        }
    }
}
