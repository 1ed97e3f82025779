package dev.crmkit.jpa;

import dev.crmkit.core.common.UserId;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.PriceBand;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Where the facts of one report source are stored: the table, the column of the fact's time, each dimension's key
 * and each field's value as SQL over one row of that table. A source whose dimensions or fields are not all here
 * is reported in memory for the definitions that use the missing ones.
 *
 * @param uuids dimensions stored as UUID columns, whose filter values are bound as UUIDs
 * @param where         a condition every fact row meets besides tenant and window, or null
 * @param vendorColumns dimension keys whose SQL differs per database or report zone (see {@link CalendarSql})
 * @param vendorFields  field values whose SQL differs per database or report zone
 * @param joins         per dimension, the join its column comes from, per database; a database without that join
 *                      (null) reports definitions using the dimension in memory
 */
record FactSql(String table, String time, Map<Dimension, String> columns, Set<Dimension> uuids,
               Map<Field, String> fields, String where, Map<Dimension, BiFunction<Database, ZoneId, String>> vendorColumns,
               Map<Field, BiFunction<Database, ZoneId, String>> vendorFields,
               Map<Dimension, Function<Database, String>> joins) {
    private static final Map<FactSource, FactSql> SOURCES = new EnumMap<>(FactSource.class);

    static {
        Map<Dimension, String> touchpoint = new EnumMap<>(Dimension.class);
        touchpoint.put(Dimension.KIND, "kind");
        touchpoint.put(Dimension.CAMPAIGN, "campaign_id");
        touchpoint.put(Dimension.AD, "ad_id");
        touchpoint.put(Dimension.AFFILIATE, "affiliate_id");
        touchpoint.put(Dimension.CHANNEL, "channel");
        touchpoint.put(Dimension.REP, "rep_id");
        touchpoint.put(Dimension.VISITOR, "visitor_id");
        touchpoint.put(Dimension.LEAD, "lead_id");
        touchpoint.put(Dimension.CONTACT, "contact_id");
        touchpoint.put(Dimension.ACCOUNT, "account_id");
        touchpoint.put(Dimension.CURRENCY, "value_currency");
        SOURCES.put(FactSource.TOUCHPOINTS, new FactSql("crm_touchpoint", "occurred_at", touchpoint,
                Set.of(Dimension.CAMPAIGN, Dimension.AD, Dimension.AFFILIATE, Dimension.LEAD, Dimension.CONTACT,
                        Dimension.ACCOUNT),
                Map.of(Field.COUNT, "event_count", Field.VALUE, "value_amount", Field.DURATION, "duration_seconds"),
                null));
        Map<Dimension, String> purchase = new EnumMap<>(Dimension.class);
        purchase.put(Dimension.PRODUCT, "product_code");
        purchase.put(Dimension.PRICE_BAND, priceBand("unit_price_amount"));
        purchase.put(Dimension.CURRENCY, "unit_price_currency");
        purchase.put(Dimension.ACCOUNT, "account_id");
        purchase.put(Dimension.CONTACT, "contact_id");
        purchase.put(Dimension.REP, "purchase_rep.rep");
        SOURCES.put(FactSource.PURCHASES, new FactSql("crm_purchase", "purchased_at", purchase,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT),
                Map.of(Field.QUANTITY, "quantity", Field.UNIT_PRICE, "unit_price_amount",
                        Field.REVENUE, "quantity * unit_price_amount"),
                null, Map.of(), Map.of(), Map.of(Dimension.REP, FactSql::purchaseReps)));
    }

    static {
        Map<Dimension, String> lead = location();
        lead.put(Dimension.SOURCE, "source");
        lead.put(Dimension.STATUS, "status");
        lead.put(Dimension.OWNER, "owner_id");
        lead.put(Dimension.CAMPAIGN, "campaign_id");
        lead.put(Dimension.AD, "ad_id");
        lead.put(Dimension.AFFILIATE, "affiliate_id");
        lead.put(Dimension.LEAD, "id");
        SOURCES.put(FactSource.LEADS, new FactSql("crm_lead", "created_at", lead,
                Set.of(Dimension.CAMPAIGN, Dimension.AD, Dimension.AFFILIATE, Dimension.LEAD),
                Map.of(Field.SCORE, "score"), "status <> 'MERGED'"));
        Map<Dimension, String> contact = location();
        // the contact's account's industry; a scalar subquery keeps the FROM clause one table (no ambiguous columns)
        contact.put(Dimension.INDUSTRY, "(select a.industry from crm_account a where a.tenant_id = crm_contact.tenant_id"
                + " and a.id = crm_contact.account_id)");
        contact.put(Dimension.AGE_BAND, "age_band");
        contact.put(Dimension.GENDER, "gender");
        contact.put(Dimension.STAGE, "stage");
        contact.put(Dimension.OWNER, "owner_id");
        contact.put(Dimension.ACCOUNT, "account_id");
        contact.put(Dimension.CONTACT, "id");
        SOURCES.put(FactSource.CONTACTS, new FactSql("crm_contact", "created_at", contact,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT), Map.of(), null));
        Map<Dimension, String> opportunity = new EnumMap<>(Dimension.class);
        opportunity.put(Dimension.STAGE, "stage");
        opportunity.put(Dimension.STATUS, "status");
        opportunity.put(Dimension.FORECAST_CATEGORY, "category");
        opportunity.put(Dimension.OWNER, "owner_id");
        opportunity.put(Dimension.ACCOUNT, "account_id");
        opportunity.put(Dimension.CONTACT, "contact_id");
        opportunity.put(Dimension.CURRENCY, "amount_currency");
        SOURCES.put(FactSource.OPPORTUNITIES, new FactSql("crm_opportunity", "created_at", opportunity,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT),
                Map.of(Field.AMOUNT, "amount_amount", Field.PROBABILITY, "probability",
                        Field.WEIGHTED_AMOUNT, halfEvenPercent("amount_amount", "probability", 4)), null,
                Map.of(Dimension.CLOSE_MONTH, (db, zone) -> CalendarSql.monthOfDate(db, "close_date")),
                Map.of(Field.SALES_CYCLE_DAYS, (db, zone) -> "case when status <> 'OPEN' then "
                        + CalendarSql.daysFromLocalDate(db, "created_at", "close_date", zone) + " end")));
        Map<Dimension, String> serviceCase = new EnumMap<>(Dimension.class);
        serviceCase.put(Dimension.STATUS, "status");
        serviceCase.put(Dimension.PRIORITY, "priority");
        serviceCase.put(Dimension.CATEGORY, "category");
        serviceCase.put(Dimension.KIND, "kind");
        serviceCase.put(Dimension.CHANNEL, "channel");
        serviceCase.put(Dimension.OWNER, "owner_id");
        serviceCase.put(Dimension.ACCOUNT, "account_id");
        serviceCase.put(Dimension.CONTACT, "contact_id");
        serviceCase.put(Dimension.PRODUCT, "product_code");
        // FactLoader.sla: a missed resolution while open shows as RESOLUTION in the JSON list of escalations
        serviceCase.put(Dimension.SLA, "case when resolution_due is null then 'NO_TARGET'"
                + " when resolved_at is not null then"
                + " case when resolved_at > resolution_due then 'MISSED' else 'MET' end"
                + " when escalations like '%\"RESOLUTION\"%' then 'MISSED' else 'OPEN' end");
        SOURCES.put(FactSource.CASES, new FactSql("crm_case", "created_at", serviceCase,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT), Map.of(), null, Map.of(),
                Map.of(Field.RESOLUTION_MINUTES, (db, zone) -> CalendarSql.minutesBetween(db, "created_at", "resolved_at"),
                        Field.FIRST_RESPONSE_MINUTES,
                        (db, zone) -> CalendarSql.minutesBetween(db, "created_at", "first_responded_at"))));
        // a task's time is when it was closed, or created while still open (see FactSource.TASKS)
        SOURCES.put(FactSource.TASKS, new FactSql("crm_task", "coalesce(closed_at, created_at)",
                Map.of(Dimension.STATUS, "status", Dimension.PRIORITY, "priority", Dimension.OWNER, "assignee_id"),
                Set.of(), Map.of(), null));
        // the enrollments' paths as rows (crm_nurture_step, V14); clicks and conversions are read where they live
        Map<Dimension, String> step = new EnumMap<>(Dimension.class);
        step.put(Dimension.SEQUENCE, "sequence_id");
        step.put(Dimension.STEP, "step");
        step.put(Dimension.LEAD, "lead_id");
        SOURCES.put(FactSource.SEQUENCE_STEPS, new FactSql("crm_nurture_step", "enrolled_at", step,
                Set.of(Dimension.SEQUENCE, Dimension.LEAD),
                Map.of(Field.SENT, "case when sent_email_id is not null then 1 else 0 end",
                        Field.CLICKED, "case when click_prefix is not null and exists (select 1 from crm_touchpoint t"
                                + " where t.tenant_id = crm_nurture_step.tenant_id"
                                + " and t.lead_id = crm_nurture_step.lead_id and t.kind = 'EMAIL_CLICK'"
                                + " and t.external_event_id like concat(crm_nurture_step.click_prefix, '%'))"
                                + " then 1 else 0 end",
                        Field.CONVERTED, "case when exists (select 1 from crm_nurture_enrollment e"
                                + " where e.tenant_id = crm_nurture_step.tenant_id"
                                + " and e.id = crm_nurture_step.enrollment_id and e.exit_reason = 'CONVERTED')"
                                + " or exists (select 1 from crm_lead l where l.tenant_id = crm_nurture_step.tenant_id"
                                + " and l.id = crm_nurture_step.lead_id and l.status = 'CONVERTED')"
                                + " then 1 else 0 end"),
                null));
    }

    private static Map<Dimension, String> location() {
        Map<Dimension, String> columns = new EnumMap<>(Dimension.class);
        columns.put(Dimension.COUNTRY, "address_country");
        columns.put(Dimension.REGION, "address_region");
        columns.put(Dimension.CITY, "address_city");
        return columns;
    }

    /**
     * {@code amount × percent / 100} rounded half-even to {@code scale} decimals, per row, as the in-memory engine
     * rounds it: SQL's {@code round} rounds half away from zero (and differs per database), so the rounding is done
     * in exact decimal arithmetic: the magnitude in units of {@code 10^-(scale+2)}, its remainder modulo 100 decides
     * the step, and a tie goes to the even neighbour; the sign is put back last (half-even is symmetric).
     */
    private static String halfEvenPercent(String amount, String percent, int scale) {
        String units = "abs(" + amount + " * " + percent + " * 1" + "0".repeat(scale) + ")";
        String rest = "mod(" + units + ", 100)";
        String down = "(" + units + " - " + rest + ")";
        return "sign(" + amount + ") * (" + down + " + case when " + rest + " > 50 or (" + rest + " = 50 and mod("
                + down + ", 200) = 100) then 100 else 0 end) * 0." + "0".repeat(scale + 1) + "1";
    }

    /**
     * By rep, a purchase is a fact per rep of its JSON list, each credited in full, and one fact without a rep when
     * the list is empty (see {@code FactSource.PURCHASES}): a left join on the list's elements. H2 has no function
     * that turns a JSON array into rows.
     */
    private static String purchaseReps(Database db) {
        return switch (db) {
            case POSTGRESQL -> "left join lateral jsonb_array_elements_text(cast(reps as jsonb)) as purchase_rep(rep)"
                    + " on true";
            // the column's default collation ignores case: ids must compare exactly, as the tables' collation does
            case MARIADB -> "left join json_table(reps, '$[*]' columns (rep varchar(" + UserId.MAX_LENGTH
                    + ") character set utf8mb4 collate utf8mb4_nopad_bin path '$')) as purchase_rep on true";
            case H2 -> null;
        };
    }

    /** {@link PriceBand#of} as SQL: the highest band whose lower bound the price reaches. */
    private static String priceBand(String price) {
        StringBuilder sql = new StringBuilder("case");
        PriceBand[] bands = PriceBand.values();
        for (int i = bands.length - 1; i > 0; i--) {
            sql.append(" when ").append(price).append(" >= ").append(bands[i].lowerBound().toPlainString())
                    .append(" then '").append(bands[i].name()).append('\'');
        }
        return sql.append(" else '").append(bands[0].name()).append("' end").toString();
    }

    FactSql(String table, String time, Map<Dimension, String> columns, Set<Dimension> uuids, Map<Field, String> fields,
            String where) {
        this(table, time, columns, uuids, fields, where, Map.of(), Map.of());
    }

    FactSql(String table, String time, Map<Dimension, String> columns, Set<Dimension> uuids, Map<Field, String> fields,
            String where, Map<Dimension, BiFunction<Database, ZoneId, String>> vendorColumns,
            Map<Field, BiFunction<Database, ZoneId, String>> vendorFields) {
        this(table, time, columns, uuids, fields, where, vendorColumns, vendorFields, Map.of());
    }

    /**
     * The FROM clause for a definition using {@code dimensions} on {@code db}: the table and the joins they need, or
     * null when {@code db} lacks one of them.
     */
    String from(Collection<Dimension> dimensions, Database db) {
        StringBuilder from = new StringBuilder(table);
        Set<Dimension> joined = EnumSet.noneOf(Dimension.class);
        for (Dimension d : dimensions) {
            Function<Database, String> join = joins.get(d);
            if (join != null && joined.add(d)) {
                String sql = join.apply(db);
                if (sql == null) {
                    return null;
                }
                from.append(' ').append(sql);
            }
        }
        return from.toString();
    }

    /** How {@code source} is stored, or null when it is not pushed down. */
    static FactSql of(FactSource source) {
        return SOURCES.get(source);
    }

    /** Whether {@code d} can be grouped or filtered by in SQL (calendar dimensions on every database). */
    boolean has(Dimension d) {
        return d.isTime() || columns.containsKey(d) || vendorColumns.containsKey(d);
    }

    boolean has(Field f) {
        return fields.containsKey(f) || vendorFields.containsKey(f);
    }

    /** The key of {@code d} as SQL on {@code db}, for a report in {@code zone}. */
    String key(Dimension d, Database db, ZoneId zone) {
        if (d.isTime()) {
            return CalendarSql.key(db, d, time, zone);
        }
        BiFunction<Database, ZoneId, String> vendor = vendorColumns.get(d);
        return vendor != null ? vendor.apply(db, zone) : columns.get(d);
    }

    /** The value of {@code f} as SQL on {@code db}, for a report in {@code zone}. */
    String field(Field f, Database db, ZoneId zone) {
        BiFunction<Database, ZoneId, String> vendor = vendorFields.get(f);
        return vendor != null ? vendor.apply(db, zone) : fields.get(f);
    }

    /** Whether {@code f}'s value depends on the report's zone (a count of calendar days). */
    static boolean zoned(Field f) {
        return f == Field.SALES_CYCLE_DAYS;
    }
}
