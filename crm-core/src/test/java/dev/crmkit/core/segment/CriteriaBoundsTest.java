package dev.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriteriaBoundsTest {
    private static void refused(Runnable r, String field, String reasonPart) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).reason()).contains(reasonPart);
        });
    }

    /** An AND chain of {@code levels} levels below the root, ending in a condition. */
    private static String nestedJson(int levels) {
        String leaf = "{\"type\":\"condition\",\"field\":\"city\",\"op\":\"EQ\",\"values\":[\"leeds\"]}";
        return "{\"type\":\"and\",\"criteria\":[".repeat(levels) + leaf + "]}".repeat(levels);
    }

    private static Criteria nested(int levels) {
        Criteria c = Criteria.field("city").eq("leeds");
        for (int i = 0; i < levels; i++) {
            c = Criteria.and(c);
        }
        return c;
    }

    @Test
    void criteriaJson700LevelsDeepIsAValidationErrorNotAStackOverflow() {
        refused(() -> Criteria.fromJson(nestedJson(700)), "criteria", "nests deeper than");
    }

    @Test
    void theDeepestValidTreeReadsBackAndOneLevelMoreFailsValidation() {
        Criteria deepest = nested(SegmentLimits.DEPTH);
        deepest.validate(SegmentTarget.CONTACT);
        assertThat(Criteria.fromJson(deepest.toJson())).isEqualTo(deepest);
        // Refused by the parser or by validation, whichever sees it first.
        assertThatThrownBy(() -> Criteria.fromJson(nestedJson(SegmentLimits.DEPTH + 1))
                .validate(SegmentTarget.CONTACT)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).reason()).contains("nests deeper"));
        Criteria notChain = Criteria.field("city").isSet();
        for (int i = 0; i < SegmentLimits.DEPTH; i++) {
            notChain = Criteria.not(notChain);
        }
        assertThat(Criteria.fromJson(notChain.toJson())).isEqualTo(notChain);
    }

    @Test
    void aTreeBuiltInCode100000LevelsDeepIsRefusedByValidation() {
        Criteria c = nested(100_000);
        refused(() -> c.validate(SegmentTarget.LEAD), "criteria" + ".and[0]".repeat(SegmentLimits.DEPTH + 1),
                "nests deeper than " + SegmentLimits.DEPTH);
    }

    @Test
    void duplicateKeysAreRefusedInsteadOfTheLastWinning() {
        refused(() -> Criteria.fromJson(
                "{\"type\":\"condition\",\"field\":\"city\",\"field\":\"owner\",\"op\":\"IS_SET\"}"),
                "criteria", "repeats the key 'field'");
    }

    @Test
    void criteriaJsonBeyondItsLengthIsRefusedBeforeParsing() {
        String tenMegabytes = "{\"type\":\"and\",\"criteria\":[" + "{},".repeat(3_500_000) + "{}]}";
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> refused(() -> Criteria.fromJson(tenMegabytes), "criteria", "is longer than"));
    }

    @Test
    void aTreeAtTheNodeAndValueLimitsIsValidAndReadsBack() {
        // NODES - 1 conditions under one AND, holding VALUES values in all, each value as long as allowed.
        List<Criteria> conditions = new ArrayList<>();
        int values = 0;
        for (int i = 0; i < SegmentLimits.NODES - 1; i++) {
            int n = i == 0 ? SegmentLimits.VALUES - (SegmentLimits.NODES - 2) : 1;
            List<String> v = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                // Quotes and backslashes: the longest JSON a single-line value can take (control characters,
                // escaped to six, are refused).
                v.add(String.format("%08d", values++) + "\"\\".repeat((SegmentLimits.VALUE - 8) / 2));
            }
            conditions.add(new Criteria.Condition("city", Operator.IN, v));
        }
        Criteria c = new Criteria.And(conditions);
        c.validate(SegmentTarget.CONTACT);
        String json = c.toJson();
        assertThat(json.length()).isLessThanOrEqualTo(SegmentLimits.JSON);
        assertThat(Criteria.fromJson(json)).isEqualTo(c);
    }

    @Test
    void aTreeWith70000ConditionsIsRefusedWithOneErrorAndLittleWork() {
        List<Criteria> many = Collections.nCopies(70_000, Criteria.field("city").eq("leeds"));
        Criteria c = new Criteria.Or(many);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(() -> c.validate(SegmentTarget.CONTACT),
                "criteria", "more than " + SegmentLimits.NODES));
        Criteria justOver = new Criteria.Or(many.subList(0, SegmentLimits.NODES));
        refused(() -> justOver.validate(SegmentTarget.CONTACT), "criteria", "more than " + SegmentLimits.NODES);
        new Criteria.Or(many.subList(0, SegmentLimits.NODES - 1)).validate(SegmentTarget.CONTACT);
    }

    @Test
    void anInListOf70000ValuesIsRefusedNamingTheLimit() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            values.add("city-" + i);
        }
        refused(() -> new Criteria.Condition("city", Operator.IN, values).validate(SegmentTarget.LEAD), "criteria",
                "more than " + SegmentLimits.VALUES + " values");
        new Criteria.Condition("city", Operator.IN, values.subList(0, SegmentLimits.VALUES))
                .validate(SegmentTarget.LEAD);
    }

    @Test
    void aValueLongerThanAnyColumnIsRefusedNamingItsPath() {
        Criteria c = Criteria.and(Criteria.field("city").eq("x".repeat(SegmentLimits.VALUE + 1)));
        refused(() -> c.validate(SegmentTarget.LEAD), "criteria.and[0].values[0]",
                "at most " + SegmentLimits.VALUE + " characters");
    }

    @Test
    void moneyValuesWithHugeExponentsAreRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String v : new String[] {"1E10000000 EUR", "1E999999999 EUR", "1E-999999999 EUR", "NaN EUR",
                    "1E15 EUR"}) {
                Criteria c = new Criteria.Condition("purchaseTotal", Operator.GE, List.of(v));
                assertThatThrownBy(() -> c.validate(SegmentTarget.CONTACT)).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                                .containsExactly("criteria.values[0]"));
            }
        });
        Criteria ok = new Criteria.Condition("purchaseTotal", Operator.GE, List.of("999999999999999.99 EUR"));
        ok.validate(SegmentTarget.CONTACT);
    }
}
