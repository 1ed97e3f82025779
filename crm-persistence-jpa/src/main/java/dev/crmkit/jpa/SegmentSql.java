package dev.crmkit.jpa;

import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Operator;
import dev.crmkit.core.segment.SegmentField;
import dev.crmkit.core.segment.SegmentTarget;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A criteria tree compiled into one SQL condition over alias {@code r} (a lead, contact or account row), with every
 * value a named parameter. Native SQL, not HQL: Hibernate's HQL parser takes seconds on deeply nested trees. Each
 * node compiles to a condition that is never SQL's unknown (comparisons on nullable columns and aggregates are
 * guarded), so AND / OR / NOT keep the two-valued semantics of {@code SegmentQueries}.
 * Last activity and purchase totals are correlated subqueries on the touchpoint and purchase foreign-key indexes.
 */
final class SegmentSql {
    private static final String TRUE = "1 = 1";
    private static final String FALSE = "1 = 0";

    /** The tables and columns one target's conditions read. */
    enum Target {
        LEAD("crm_lead", "crm_lead_tag", "lead_id", false),
        CONTACT("crm_contact", "crm_contact_tag", "contact_id", true),
        ACCOUNT("crm_account", "crm_account_tag", "account_id", true);

        final String table;
        final String tagTable;
        /** The column by which tag rows, touchpoints and purchases refer to this target's rows. */
        final String reference;
        final boolean buys;

        Target(String table, String tagTable, String reference, boolean buys) {
            this.table = table;
            this.tagTable = tagTable;
            this.reference = reference;
            this.buys = buys;
        }

        static Target of(SegmentTarget t) {
            return valueOf(t.name());
        }
    }

    private final Target target;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private SegmentSql(Target target) {
        this.target = target;
    }

    /** The condition selecting {@code target}'s records that match {@code criteria}; parameters into {@code out}. */
    static String where(SegmentTarget target, Criteria criteria, Map<String, Object> out) {
        SegmentSql sql = new SegmentSql(Target.of(target));
        String where = sql.compile(criteria);
        out.putAll(sql.params);
        return where;
    }

    static String table(SegmentTarget target) {
        return Target.of(target).table;
    }

    private String compile(Criteria c) {
        if (c instanceof Criteria.And and) {
            return junction(and.criteria(), " and ", TRUE);
        }
        if (c instanceof Criteria.Or or) {
            return junction(or.criteria(), " or ", FALSE);
        }
        if (c instanceof Criteria.Not not) {
            return "not (" + compile(not.criteria()) + ")";
        }
        return condition((Criteria.Condition) c);
    }

    private String junction(List<Criteria> parts, String operator, String empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        StringJoiner j = new StringJoiner(operator, "(", ")");
        parts.forEach(p -> j.add(compile(p)));
        return j.toString();
    }

    private String condition(Criteria.Condition c) {
        SegmentField field = SegmentField.named(c.field()).orElseThrow(
                () -> new IllegalArgumentException("criteria not validated: unknown field " + c.field()));
        List<Object> values = c.values().stream().map(field::parse).toList();
        Operator op = c.op();
        return switch (field) {
            case STATUS -> compare("r.status", false, op, values);
            case STAGE -> target == Target.LEAD ? constant("PROSPECT", op, values)
                    : compare("r.stage", false, op, values);
            case COUNTRY -> compare("lower(r.address_country)", true, op, values);
            case REGION -> compare("lower(r.address_region)", true, op, values);
            case CITY -> compare("lower(r.address_city)", true, op, values);
            case OWNER -> compare("r.owner_id", true, op, values);
            case SCORE -> compare("r.score", false, op, values);
            case CREATED_AT -> compare("r.created_at", false, op, values);
            case TAGS -> tags(op, values);
            case LAST_ACTIVITY -> lastActivity(op, values);
            case PURCHASE_TOTAL -> purchaseTotal(op, (Money) values.get(0));
            case LOCATION -> op == Operator.NEAR ? near(SegmentField.circle(c.values()))
                    : compare("r.address_latitude", true, op, values);
        };
    }

    /** {@code expression op values}; false, never unknown, when a nullable expression has no value. */
    private String compare(String expression, boolean nullable, Operator op, List<Object> values) {
        if (op == Operator.IS_SET || op == Operator.IS_EMPTY) {
            return nullable ? expression + (op == Operator.IS_SET ? " is not null" : " is null")
                    : op == Operator.IS_SET ? TRUE : FALSE;
        }
        String test = switch (op) {
            case IN -> expression + " in (" + param(values) + ")";
            case EQ -> expression + " = " + param(values.get(0));
            case NE -> expression + " <> " + param(values.get(0));
            case LT -> expression + " < " + param(values.get(0));
            case LE -> expression + " <= " + param(values.get(0));
            case GT -> expression + " > " + param(values.get(0));
            case GE -> expression + " >= " + param(values.get(0));
            default -> throw new IllegalArgumentException(op + " does not apply to " + expression);
        };
        return nullable ? "(" + expression + " is not null and " + test + ")" : test;
    }

    /** A field every candidate has with the same value (a lead's stage), decided here. */
    private static String constant(String actual, Operator op, List<Object> values) {
        boolean result = switch (op) {
            case IS_SET -> true;
            case IS_EMPTY -> false;
            case EQ -> actual.equals(values.get(0));
            case NE -> !actual.equals(values.get(0));
            case IN -> values.contains(actual);
            default -> throw new IllegalArgumentException(op + " does not apply to a constant");
        };
        return result ? TRUE : FALSE;
    }

    private String tags(Operator op, List<Object> values) {
        String any = "exists (select 1 from " + target.tagTable + " k where k.tenant_id = r.tenant_id and k."
                + target.reference + " = r.id";
        return switch (op) {
            case CONTAINS -> any + " and k.tag = " + param(values.get(0)) + ")";
            case IS_SET -> any + ")";
            case IS_EMPTY -> "not " + any + ")";
            default -> throw new IllegalArgumentException(op + " does not apply to tags");
        };
    }

    /**
     * The latest touchpoint time compared without computing it: {@code latest > v} when some touchpoint is later than
     * v, {@code latest < v} when there is one and none at or after v. Each test is an index probe.
     */
    private String lastActivity(Operator op, List<Object> values) {
        String touchpoints = "exists (select 1 from crm_touchpoint t where t.tenant_id = r.tenant_id and t."
                + target.reference + " = r.id";
        String any = touchpoints + ")";
        return switch (op) {
            case IS_SET -> any;
            case IS_EMPTY -> "not " + any;
            case GT -> touchpoints + " and t.occurred_at > " + param(values.get(0)) + ")";
            case GE -> touchpoints + " and t.occurred_at >= " + param(values.get(0)) + ")";
            case LT -> "(" + any + " and not " + touchpoints + " and t.occurred_at >= " + param(values.get(0)) + "))";
            case LE -> "(" + any + " and not " + touchpoints + " and t.occurred_at > " + param(values.get(0)) + "))";
            default -> throw new IllegalArgumentException(op + " does not apply to last activity");
        };
    }

    /** The sum of quantity × unit price of purchases in the value's currency, zero without any. */
    private String purchaseTotal(Operator op, Money limit) {
        if (!target.buys) {
            throw new IllegalArgumentException("criteria not validated: purchaseTotal does not apply to " + target);
        }
        String total = "(select coalesce(sum(p.quantity * p.unit_price_amount), " + param(BigDecimal.ZERO)
                + ") from crm_purchase p where p.tenant_id = r.tenant_id and p." + target.reference
                + " = r.id and p.unit_price_currency = " + param(limit.currency().getCurrencyCode()) + ")";
        return compare(total, false, op, List.of(limit.amount()));
    }

    /**
     * Inside the box around the circle (a range on the geo index), then the haversine distance as
     * {@link GeoPoint#distanceKm} computes it, term by term, so the database and memory agree to the last bits.
     */
    private String near(GeoCircle circle) {
        GeoPoint c = circle.center();
        StringJoiner box = new StringJoiner(" or ", "(", ")");
        for (GeoBox part : circle.box().unwrapped()) {
            box.add("(r.address_latitude between " + param(part.south()) + " and " + param(part.north())
                    + " and r.address_longitude between " + param(part.west()) + " and " + param(part.east()) + ")");
        }
        String dLat = "radians(r.address_latitude - " + param(c.latitude()) + ")";
        String dLon = "radians(r.address_longitude - " + param(c.longitude()) + ")";
        String a = "sin(" + dLat + " / 2) * sin(" + dLat + " / 2) + cos(" + param(Math.toRadians(c.latitude()))
                + ") * cos(radians(r.address_latitude)) * sin(" + dLon + " / 2) * sin(" + dLon + " / 2)";
        String distance = "2 * " + param(GeoPoint.EARTH_RADIUS_KM) + " * asin(least(1, sqrt(" + a + ")))";
        return "(r.address_latitude is not null and r.address_longitude is not null and " + box + " and "
                + distance + " <= " + param(circle.radiusKm()) + ")";
    }

    private String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }
}
