package dev.crmkit.core.segment;

import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.lead.LeadStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A field segments can filter on, with the targets that have it and its value type. Condition values are text and
 * are read by {@link #parse}: an enum constant, free text, a user id, a whole number, an amount with currency
 * ({@code "100.00 EUR"}) or an ISO-8601 instant.
 */
public enum SegmentField {
    /** A lead's {@link LeadStatus} (its qualification). */
    STATUS("status", Type.ENUM, EnumSet.of(SegmentTarget.LEAD), LeadStatus.class),
    /** {@link LifecycleStage}; leads are always PROSPECT. */
    STAGE("stage", Type.ENUM, EnumSet.allOf(SegmentTarget.class), LifecycleStage.class),
    /** ISO country code of the address; text compares ignoring case. */
    COUNTRY("country", Type.TEXT, EnumSet.allOf(SegmentTarget.class), null),
    REGION("region", Type.TEXT, EnumSet.allOf(SegmentTarget.class), null),
    CITY("city", Type.TEXT, EnumSet.allOf(SegmentTarget.class), null),
    /** The owning user's id, compared exactly. */
    OWNER("owner", Type.USER, EnumSet.allOf(SegmentTarget.class), null),
    /** A lead's score. */
    SCORE("score", Type.NUMBER, EnumSet.of(SegmentTarget.LEAD), null),
    /**
     * Sum of the contact's or account's purchases (quantity × unit price) in the currency of the condition's value;
     * zero without purchases in that currency.
     */
    PURCHASE_TOTAL("purchaseTotal", Type.MONEY, EnumSet.of(SegmentTarget.CONTACT, SegmentTarget.ACCOUNT), null),
    /** Time of the latest touchpoint of the lead, contact or account; none without touchpoints. */
    LAST_ACTIVITY("lastActivity", Type.TIME, EnumSet.allOf(SegmentTarget.class), null),
    /** Tags, compared exactly (as stored: trimmed); an empty set counts as no value. */
    TAGS("tags", Type.TAGS, EnumSet.allOf(SegmentTarget.class), null),
    CREATED_AT("createdAt", Type.TIME, EnumSet.allOf(SegmentTarget.class), null),
    /** The address's position ({@code Address.geo}), for geo-targeted segments; none without one. */
    LOCATION("location", Type.GEO, EnumSet.allOf(SegmentTarget.class), null);

    /** Value types, each with the operators it allows. */
    public enum Type {
        ENUM(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN)),
        TEXT(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.IS_SET, Operator.IS_EMPTY)),
        USER(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.IS_SET, Operator.IS_EMPTY)),
        NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)),
        MONEY(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)),
        TIME(EnumSet.of(Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.IS_SET, Operator.IS_EMPTY)),
        TAGS(EnumSet.of(Operator.CONTAINS, Operator.IS_SET, Operator.IS_EMPTY)),
        GEO(EnumSet.of(Operator.NEAR, Operator.IS_SET, Operator.IS_EMPTY));

        private final Set<Operator> operators;

        Type(Set<Operator> operators) {
            this.operators = operators;
        }

        public Set<Operator> operators() {
            return operators;
        }
    }

    private final String jsonName;
    private final Type type;
    private final Set<SegmentTarget> targets;
    private final @Nullable Class<? extends Enum<?>> enumType;

    SegmentField(String jsonName, Type type, Set<SegmentTarget> targets, @Nullable Class<? extends Enum<?>> enumType) {
        this.jsonName = jsonName;
        this.type = type;
        this.targets = targets;
        this.enumType = enumType;
    }

    /** The name conditions use, e.g. {@code purchaseTotal}. */
    public String fieldName() {
        return jsonName;
    }

    public Type type() {
        return type;
    }

    public boolean appliesTo(SegmentTarget target) {
        return targets.contains(target);
    }

    /** The field a condition names, matched exactly. */
    public static Optional<SegmentField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }

    /**
     * Reads a condition value: ENUM as the constant's name (upper-case), TEXT lower-cased (comparisons ignore case),
     * USER and TAGS as given, NUMBER as {@link Long}, MONEY as {@link Money}, TIME as {@link Instant}. A value of the
     * wrong type is a {@link ValidationException} on field {@code value}.
     */
    public Object parse(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("value", "must not be blank");
        }
        Validation.lookup("value", value, false);
        String v = value.strip();
        return switch (type) {
            case ENUM -> {
                String name = v.toUpperCase(Locale.ROOT);
                Enum<?>[] constants = Objects.requireNonNull(enumType, "an ENUM field names its enum")
                        .getEnumConstants();
                boolean known = Arrays.stream(constants).anyMatch(c -> c.name().equals(name));
                if (!known) {
                    throw new ValidationException("value", "'" + v + "' is not one of "
                            + Arrays.toString(constants));
                }
                yield name;
            }
            case TEXT -> v.toLowerCase(Locale.ROOT);
            case USER, TAGS -> v;
            case NUMBER -> {
                try {
                    yield Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new ValidationException("value", "'" + v + "' is not a whole number");
                }
            }
            case MONEY -> parseMoney(v);
            case GEO -> {
                try {
                    double d = Double.parseDouble(v);
                    if (Double.isFinite(d)) {
                        yield d;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new ValidationException("value", "'" + v + "' is not a decimal number");
            }
            case TIME -> {
                try {
                    yield Instant.parse(v);
                } catch (DateTimeParseException e) {
                    throw new ValidationException("value", "'" + v + "' is not an ISO-8601 instant");
                }
            }
        };
    }

    /** Through {@link Money#of(String, String)}, so a value is in the money columns' range and cheap to compare. */
    private static Money parseMoney(String v) {
        String[] parts = v.split("\\s+");
        String why = "";
        if (parts.length == 2) {
            try {
                return Money.of(parts[0], parts[1].toUpperCase(Locale.ROOT));
            } catch (ValidationException e) {
                why = ": " + e.errors().get(0).field() + " " + e.errors().get(0).reason();
            }
        }
        throw new ValidationException("value", "'" + v + "' is not an amount with currency such as '100.00 EUR'"
                + why);
    }

    /**
     * The circle a {@code NEAR} condition's values (latitude, longitude, radius in km) describe; a latitude, longitude
     * or radius out of range is a {@link ValidationException} naming it.
     */
    public static GeoCircle circle(List<String> values) {
        if (values.size() != 3) {
            throw new ValidationException("values", "NEAR takes latitude, longitude and radius in km");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            v[i] = (Double) LOCATION.parse(values.get(i));
        }
        return new GeoCircle(new GeoPoint(v[0], v[1]), v[2]);
    }

    /** The text form {@link #parse} reads back: what the fluent builder stores. */
    static String format(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }
}
