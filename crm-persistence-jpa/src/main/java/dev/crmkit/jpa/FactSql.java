package dev.crmkit.jpa;

import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.PriceBand;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the facts of one report source are stored: the table, the column of the fact's time, each dimension's key
 * and each field's value as SQL over one row of that table. A source whose dimensions or fields are not all here
 * is reported in memory for the definitions that use the missing ones.
 *
 * @param uuids dimensions stored as UUID columns, whose filter values are bound as UUIDs
 * @param where a condition every fact row meets besides tenant and window, or null
 */
record FactSql(String table, String time, Map<Dimension, String> columns, Set<Dimension> uuids,
               Map<Field, String> fields, String where) {
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
        // Purchases by rep credit each rep of a JSON list in full: no portable SQL for that yet, so REP is left out.
        Map<Dimension, String> purchase = new EnumMap<>(Dimension.class);
        purchase.put(Dimension.PRODUCT, "product_code");
        purchase.put(Dimension.PRICE_BAND, priceBand("unit_price_amount"));
        purchase.put(Dimension.CURRENCY, "unit_price_currency");
        purchase.put(Dimension.ACCOUNT, "account_id");
        purchase.put(Dimension.CONTACT, "contact_id");
        SOURCES.put(FactSource.PURCHASES, new FactSql("crm_purchase", "purchased_at", purchase,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT),
                Map.of(Field.QUANTITY, "quantity", Field.UNIT_PRICE, "unit_price_amount",
                        Field.REVENUE, "quantity * unit_price_amount"),
                null));
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
        // INDUSTRY is the account's: a join not written yet, so contact reports by industry run in memory.
        Map<Dimension, String> contact = location();
        contact.put(Dimension.AGE_BAND, "age_band");
        contact.put(Dimension.GENDER, "gender");
        contact.put(Dimension.STAGE, "stage");
        contact.put(Dimension.OWNER, "owner_id");
        contact.put(Dimension.ACCOUNT, "account_id");
        contact.put(Dimension.CONTACT, "id");
        SOURCES.put(FactSource.CONTACTS, new FactSql("crm_contact", "created_at", contact,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT), Map.of(), null));
        // WEIGHTED_AMOUNT (rounded per row, half-even) and SALES_CYCLE_DAYS (UTC date difference) stay in memory.
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
                Map.of(Field.AMOUNT, "amount_amount", Field.PROBABILITY, "probability"), null));
        // SLA (reads the escalation list) and the minute fields (timestamp differences) stay in memory.
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
        SOURCES.put(FactSource.CASES, new FactSql("crm_case", "created_at", serviceCase,
                Set.of(Dimension.ACCOUNT, Dimension.CONTACT), Map.of(), null));
        // a task's time is when it was closed, or created while still open (see FactSource.TASKS)
        SOURCES.put(FactSource.TASKS, new FactSql("crm_task", "coalesce(closed_at, created_at)",
                Map.of(Dimension.STATUS, "status", Dimension.PRIORITY, "priority", Dimension.OWNER, "assignee_id"),
                Set.of(), Map.of(), null));
    }

    private static Map<Dimension, String> location() {
        Map<Dimension, String> columns = new EnumMap<>(Dimension.class);
        columns.put(Dimension.COUNTRY, "address_country");
        columns.put(Dimension.REGION, "address_region");
        columns.put(Dimension.CITY, "address_city");
        return columns;
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

    /** How {@code source} is stored, or null when it is not pushed down. */
    static FactSql of(FactSource source) {
        return SOURCES.get(source);
    }

    /** Whether {@code d} can be grouped or filtered by in SQL (calendar dimensions on every database). */
    boolean has(Dimension d) {
        return d.isTime() || columns.containsKey(d);
    }

    /** The key of {@code d} as SQL on {@code db}. */
    String key(Dimension d, Database db) {
        return d.isTime() ? CalendarSql.key(db, d, time) : columns.get(d);
    }
}
