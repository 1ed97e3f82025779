package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.DuplicateRules.Weights;
import dev.crmkit.core.lead.FieldAgreement.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateRulesTest {
    @Test
    void theDefaultsWeighAgreementPositiveAndDisagreementNegative() {
        DuplicateRules rules = DuplicateRules.defaults();
        rules.fields().forEach((field, w) -> {
            assertThat(w.weight(Level.EXACT)).as("%s exact", field).isPositive();
            assertThat(w.weight(Level.DIFFERENT)).as("%s different", field).isNegative();
            assertThat(w.weight(Level.EXACT)).as("%s exact over close", field)
                    .isGreaterThanOrEqualTo(w.weight(Level.CLOSE));
        });
        assertThat(rules.possible()).isLessThan(rules.almostCertain());
    }

    @Test
    void badSettingsAreRefusedNamingEachOne() {
        DuplicateRules d = DuplicateRules.defaults();
        assertThatThrownBy(() -> d.withThresholds(20, 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("almostCertain"));
        assertThatThrownBy(() -> d.withThresholds(Double.NaN, 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("possible", "almostCertain"));
        assertThatThrownBy(() -> d.with(MatchField.LAST_NAME, new Weights(1.2, 0.1, 0, 0.5)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("fields[LAST_NAME].mExact",
                                "fields[LAST_NAME].uExact", "fields[LAST_NAME].mClose"));
        assertThatThrownBy(() -> new DuplicateRules(1, 2, Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .hasSize(MatchField.values().length));
    }

    @Test
    void anotherHouseNumberIsAnotherHomeButAMissingOrMistypedOneIsNot() {
        assertThat(Scorer.numbersAgree("188 coral road", "32 coral road")).isFalse();
        assertThat(Scorer.numbersAgree("suburb397", "suburb471")).isFalse();
        assertThat(Scorer.numbersAgree("12 coral road", "21 coral road")).isTrue();
        assertThat(Scorer.numbersAgree("coral road", "32 coral road")).isTrue();
        assertThat(Scorer.numbersAgree("richmond", "richlands")).isTrue();
    }

    @Test
    void oneEditMeansOneSubstitutionInsertionDeletionOrSwapOfNeighbours() {
        assertThat(Scorer.oneEdit("3046", "3064")).isTrue();
        assertThat(Scorer.oneEdit("3046", "3047")).isTrue();
        assertThat(Scorer.oneEdit("3046", "304")).isTrue();
        assertThat(Scorer.oneEdit("ada", "adda")).isTrue();
        assertThat(Scorer.oneEdit("3046", "4036")).isFalse();
        assertThat(Scorer.oneEdit("3046", "30")).isFalse();
    }
}
