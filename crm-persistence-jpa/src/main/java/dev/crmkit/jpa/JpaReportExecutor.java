package dev.crmkit.jpa;

import dev.crmkit.core.spi.StorageTx;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Pushes touchpoint reports down to the database as one GROUP BY query over {@code crm_touchpoint}: the database
 * totals (counts, sums, minima, maxima, distinct counts, each under its measure's conditions), and
 * {@link GroupTotals} divides, orders and limits exactly as the in-memory engine does, so both return the same.
 * Definitions this executor cannot push down yet — other fact sources, calendar dimensions (UTC day bucketing
 * differs per database) — run on the {@link InMemoryReportExecutor}, as do transactions of other storages.
 */
public final class JpaReportExecutor implements ReportExecutor {
    private static final Map<Dimension, String> COLUMNS = new EnumMap<>(Dimension.class);
    private static final Set<Dimension> UUIDS = Set.of(Dimension.CAMPAIGN, Dimension.AD, Dimension.AFFILIATE,
            Dimension.LEAD, Dimension.CONTACT, Dimension.ACCOUNT);
    private static final Map<Field, String> FIELDS = new EnumMap<>(Field.class);

    static {
        COLUMNS.put(Dimension.KIND, "kind");
        COLUMNS.put(Dimension.CAMPAIGN, "campaign_id");
        COLUMNS.put(Dimension.AD, "ad_id");
        COLUMNS.put(Dimension.AFFILIATE, "affiliate_id");
        COLUMNS.put(Dimension.CHANNEL, "channel");
        COLUMNS.put(Dimension.REP, "rep_id");
        COLUMNS.put(Dimension.VISITOR, "visitor_id");
        COLUMNS.put(Dimension.LEAD, "lead_id");
        COLUMNS.put(Dimension.CONTACT, "contact_id");
        COLUMNS.put(Dimension.ACCOUNT, "account_id");
        COLUMNS.put(Dimension.CURRENCY, "value_currency");
        FIELDS.put(Field.COUNT, "event_count");
        FIELDS.put(Field.VALUE, "value_amount");
        FIELDS.put(Field.DURATION, "duration_seconds");
    }

    private final ReportExecutor fallback = new InMemoryReportExecutor();

    /** Whether {@code definition} runs as SQL here rather than in memory. */
    public static boolean pushesDown(ReportDefinition definition) {
        if (definition.source() != FactSource.TOUCHPOINTS) {
            return false;
        }
        for (Dimension d : dimensionsOf(definition)) {
            if (!COLUMNS.containsKey(d)) {
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
        Query q = new Query();
        List<String> select = new ArrayList<>();
        for (Dimension d : definition.dimensions()) {
            select.add(COLUMNS.get(d));
        }
        List<Measure> measures = definition.measures();
        for (Measure m : measures) {
            String when = q.conditions(m.where());
            switch (m.aggregate()) {
                case COUNT -> select.add("count(" + (when == null ? "*" : caseWhen(when, "1")) + ")");
                case DISTINCT_COUNT -> select.add("count(distinct " + caseWhen(when, COLUMNS.get(m.of())) + ")");
                case SUM, AVG -> select.add("sum(" + caseWhen(when, FIELDS.get(m.field())) + ")");
                case MIN -> select.add("min(" + caseWhen(when, FIELDS.get(m.field())) + ")");
                case MAX -> select.add("max(" + caseWhen(when, FIELDS.get(m.field())) + ")");
                case RATIO -> select.add("null");
            }
            // the number of values an average divides by (and, harmlessly, of any other measure)
            select.add(m.aggregate() == Aggregate.RATIO || m.aggregate() == Aggregate.COUNT
                    || m.aggregate() == Aggregate.DISTINCT_COUNT ? "0"
                    : "count(" + caseWhen(when, FIELDS.get(m.field())) + ")");
        }
        StringBuilder sql = new StringBuilder("select ").append(String.join(", ", select))
                .append(" from crm_touchpoint where tenant_id = :tenant");
        q.params.put("tenant", jpa.tenantId());
        if (window.from() != null) {
            sql.append(" and occurred_at >= :windowFrom");
            q.params.put("windowFrom", window.from());
        }
        if (window.to() != null) {
            sql.append(" and occurred_at < :windowTo");
            q.params.put("windowTo", window.to());
        }
        String filters = q.conditions(definition.filters());
        if (filters != null) {
            sql.append(" and ").append(filters);
        }
        if (!definition.dimensions().isEmpty()) {
            List<String> groupBy = definition.dimensions().stream().map(COLUMNS::get).toList();
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
            String column = COLUMNS.get(f.dimension());
            boolean withNull = f.values().contains(null);
            List<Object> values = new ArrayList<>();
            for (String v : f.values()) {
                if (v == null) {
                    continue;
                }
                if (UUIDS.contains(f.dimension())) {
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
