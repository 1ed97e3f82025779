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
