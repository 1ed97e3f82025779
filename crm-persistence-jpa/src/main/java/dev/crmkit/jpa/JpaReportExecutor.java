package dev.crmkit.jpa;

import dev.crmkit.core.spi.StorageTx;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.Filter;
import dev.crmkit.reporting.GroupTotals;
import dev.crmkit.reporting.InMemoryReportExecutor;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.Measure.Aggregate;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.TimeWindow;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Pushes reports down to the database as one GROUP BY query over the table of their fact source: the database
 * totals (counts, sums, minima, maxima, distinct counts, each under its measure's conditions), and
 * {@link GroupTotals} divides, orders and limits exactly as the in-memory engine does, so both return the same.
 * Definitions this executor cannot push down ({@link #pushesDown} is false: a source, dimension or field without
 * SQL here) run on the {@link InMemoryReportExecutor}, as do transactions of other storages.
 */
public final class JpaReportExecutor implements ReportExecutor {
    private final ReportExecutor fallback = new InMemoryReportExecutor();

    /** Whether {@code definition} runs as SQL here rather than in memory. */
    public static boolean pushesDown(ReportDefinition definition) {
        FactSql facts = FactSql.of(definition.source());
        if (facts == null) {
            return false;
        }
        for (Dimension d : dimensionsOf(definition)) {
            if (!facts.has(d)) {
                return false;
            }
        }
        for (Measure m : definition.measures()) {
            if (m.field() != null && !facts.fields().containsKey(m.field())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ReportResult execute(ReportDefinition definition, TimeWindow window, StorageTx tx) {
        if (!(tx instanceof JpaTx jpa) || !pushesDown(definition)) {
            return fallback.execute(definition, window, tx);
        }
        FactSql facts = FactSql.of(definition.source());
        Database db = jpa.database();
        Query q = new Query(facts, db);
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        for (Dimension d : definition.dimensions()) {
            groupBy.add(facts.key(d, db));
        }
        select.addAll(groupBy);
        List<Measure> measures = definition.measures();
        for (Measure m : measures) {
            String when = q.conditions(m.where());
            switch (m.aggregate()) {
                case COUNT -> select.add("count(" + (when == null ? "*" : caseWhen(when, "1")) + ")");
                case DISTINCT_COUNT -> select.add("count(distinct " + caseWhen(when, facts.key(m.of(), db)) + ")");
                case SUM, AVG -> select.add("sum(" + caseWhen(when, facts.fields().get(m.field())) + ")");
                case MIN -> select.add("min(" + caseWhen(when, facts.fields().get(m.field())) + ")");
                case MAX -> select.add("max(" + caseWhen(when, facts.fields().get(m.field())) + ")");
                case RATIO -> select.add("null");
            }
            // the number of values an average divides by (and, harmlessly, of any other measure)
            select.add(m.aggregate() == Aggregate.RATIO || m.aggregate() == Aggregate.COUNT
                    || m.aggregate() == Aggregate.DISTINCT_COUNT ? "0"
                    : "count(" + caseWhen(when, facts.fields().get(m.field())) + ")");
        }
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select))
                .append(" from ").append(facts.table()).append(" where tenant_id = :tenant");
        q.params.put("tenant", jpa.tenantId());
        if (window.from() != null) {
            sql.append(" and ").append(facts.time()).append(" >= :windowFrom");
            q.params.put("windowFrom", window.from());
        }
        if (window.to() != null) {
            sql.append(" and ").append(facts.time()).append(" < :windowTo");
            q.params.put("windowTo", window.to());
        }
        if (facts.where() != null) {
            sql.append(" and ").append(facts.where());
        }
        String filters = q.conditions(definition.filters());
        if (filters != null) {
            sql.append(" and ").append(filters);
        }
        if (!groupBy.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", groupBy));
        }
        NativeQuery<Object[]> query = jpa.session().createNativeQuery(sql.toString(), Object[].class);
        q.params.forEach((name, value) -> {
            if (value instanceof Collection<?> list) {
                query.setParameterList(name, list);
            } else {
                query.setParameter(name, value);
            }
        });
        int dims = definition.dimensions().size();
        List<GroupTotals.Group> groups = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            List<String> keys = new ArrayList<>(dims);
            for (int d = 0; d < dims; d++) {
                keys.add(key(row[d]));
            }
            List<BigDecimal> totals = new ArrayList<>(measures.size());
            List<Long> counts = new ArrayList<>(measures.size());
            for (int m = 0; m < measures.size(); m++) {
                totals.add(decimal(row[dims + 2 * m]));
                BigDecimal n = decimal(row[dims + 2 * m + 1]);
                counts.add(n == null ? 0L : n.longValueExact());
            }
            groups.add(new GroupTotals.Group(keys, totals, counts));
        }
        return GroupTotals.finish(definition, window, groups);
    }

    private static List<Dimension> dimensionsOf(ReportDefinition def) {
        List<Dimension> dims = new ArrayList<>(def.dimensions());
        def.filters().forEach(f -> dims.add(f.dimension()));
        for (Measure m : def.measures()) {
            if (m.of() != null) {
                dims.add(m.of());
            }
            m.where().forEach(f -> dims.add(f.dimension()));
        }
        return dims;
    }

    /** A key as the in-memory engine writes it; some drivers return UUID columns as 16 bytes. */
    private static String key(Object value) {
        if (value instanceof byte[] b && b.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong()).toString();
        }
        return value == null ? null : value.toString();
    }

    private static String caseWhen(String condition, String value) {
        return condition == null ? value : "case when " + condition + " then " + value + " end";
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(value.toString());
    }

    /** Named parameters of one query and the SQL of filter conditions that use them. */
    private static final class Query {
        final Map<String, Object> params = new LinkedHashMap<>();
        private final FactSql facts;
        private final Database db;

        Query(FactSql facts, Database db) {
            this.facts = facts;
            this.db = db;
        }

        /** The conjunction of {@code filters}, or null for none. */
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
            String column = facts.key(f.dimension(), db);
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
                String name = "p" + params.size();
                params.put(name, values);
                in = column + " in (:" + name + ")";
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
