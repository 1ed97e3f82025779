package dev.crmkit.core.segment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A segment's membership rule: a tree of AND / OR / NOT over field {@link Condition conditions}. Immutable data that
 * round-trips through JSON ({@link #toJson()}, {@link #fromJson(String)}), e.g.
 * <pre>{@code
 * {"type":"and","criteria":[
 *   {"type":"condition","field":"country","op":"EQ","values":["DE"]},
 *   {"type":"not","criteria":{"type":"condition","field":"tags","op":"CONTAINS","values":["churned"]}}]}
 * }</pre>
 * An empty AND matches everyone, an empty OR no one. Build in code with {@link #field(String)}:
 * {@code Criteria.and(Criteria.field("score").ge(50), Criteria.field("owner").isEmpty())}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Criteria.And.class, name = "and"),
        @JsonSubTypes.Type(value = Criteria.Or.class, name = "or"),
        @JsonSubTypes.Type(value = Criteria.Not.class, name = "not"),
        @JsonSubTypes.Type(value = Criteria.Condition.class, name = "condition")})
public sealed interface Criteria {

    /** Matches when every one of {@code criteria} does. */
    record And(List<Criteria> criteria) implements Criteria {
        public And {
            criteria = List.copyOf(criteria == null ? List.of() : criteria);
        }
    }

    /** Matches when at least one of {@code criteria} does. */
    record Or(List<Criteria> criteria) implements Criteria {
        public Or {
            criteria = List.copyOf(criteria == null ? List.of() : criteria);
        }
    }

    /** Matches when {@code criteria} does not. */
    record Not(Criteria criteria) implements Criteria {
        public Not {
            Objects.requireNonNull(criteria, "criteria");
        }
    }

    /**
     * Compares {@code field} (a {@link SegmentField#fieldName()}) by {@code op} with {@code values}, given as text
     * (see {@link SegmentField#parse}). Checked against a target by {@link Criteria#validate}.
     */
    record Condition(String field, Operator op, List<String> values) implements Criteria {
        public Condition {
            values = List.copyOf(values == null ? List.of() : values);
        }
    }

    /** All of {@code criteria}; none given matches everyone. */
    static Criteria and(Criteria... criteria) {
        return new And(Arrays.asList(criteria));
    }

    /** Any of {@code criteria}; none given matches no one. */
    static Criteria or(Criteria... criteria) {
        return new Or(Arrays.asList(criteria));
    }

    /** The opposite of {@code criteria}. */
    static Criteria not(Criteria criteria) {
        return new Not(criteria);
    }

    /** Everyone of the target. */
    static Criteria all() {
        return new And(List.of());
    }

    /** Starts a condition on {@code field}, e.g. {@code field("purchaseTotal").ge(Money.of("100", "EUR"))}. */
    static FieldCondition field(String field) {
        return new FieldCondition(field);
    }

    /**
     * Checks the tree against {@code target}: every field exists for it, every operator suits the field's type,
     * every value parses and the number of values suits the operator. Throws one {@link ValidationException} naming
     * the path of every bad node, e.g. {@code criteria.and[1].not}; a tree beyond the {@link SegmentLimits} is
     * refused as a whole, on {@code criteria}.
     */
    default void validate(SegmentTarget target) {
        List<FieldError> errors = new ArrayList<>();
        CriteriaCheck.check(this, target, "criteria", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** This tree as JSON. */
    default String toJson() {
        return CriteriaJson.write(this);
    }

    /**
     * Reads a tree written by {@link #toJson()}. Malformed JSON, JSON longer than {@link SegmentLimits#JSON} or
     * nested deeper than a tree within {@link SegmentLimits#DEPTH}, or a key given twice is a
     * {@link ValidationException} on "criteria", refused before it is parsed further; {@link #validate} checks the
     * rest.
     */
    static Criteria fromJson(String json) {
        return CriteriaJson.read(json);
    }

    /** Builds conditions on one field; values are stored in the text form {@link SegmentField#parse} reads. */
    final class FieldCondition {
        private final String field;

        FieldCondition(String field) {
            this.field = field;
        }

        public Condition is(Operator op, Object... values) {
            return new Condition(field, op, Arrays.stream(values).map(SegmentField::format).toList());
        }

        public Condition eq(Object value) {
            return is(Operator.EQ, value);
        }

        public Condition ne(Object value) {
            return is(Operator.NE, value);
        }

        public Condition in(Object... values) {
            return is(Operator.IN, values);
        }

        public Condition lt(Object value) {
            return is(Operator.LT, value);
        }

        public Condition le(Object value) {
            return is(Operator.LE, value);
        }

        public Condition gt(Object value) {
            return is(Operator.GT, value);
        }

        public Condition ge(Object value) {
            return is(Operator.GE, value);
        }

        public Condition contains(String tag) {
            return is(Operator.CONTAINS, tag);
        }

        public Condition isSet() {
            return is(Operator.IS_SET);
        }

        public Condition isEmpty() {
            return is(Operator.IS_EMPTY);
        }

        /** Within {@code radiusKm} of {@code center}: e.g. {@code field("location").near(store, 25)}. */
        public Condition near(GeoPoint center, double radiusKm) {
            return is(Operator.NEAR, center.latitude(), center.longitude(), radiusKm);
        }
    }
}
