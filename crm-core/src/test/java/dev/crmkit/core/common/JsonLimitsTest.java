package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {
    private static final JsonLimits LIMITS = new JsonLimits(1_000, 4, 10, 20, 50);
    private static final ObjectMapper MAPPER = JsonMapper.builder(LIMITS.factory()).build();

    private static JsonNode parse(String json) {
        return LIMITS.parse("doc", "test JSON", json, p -> MAPPER.readTree(p));
    }

    private static void refused(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("doc");
            assertThat(e.errors().get(0).reason()).isEqualTo(reason);
        });
    }

    @Test
    void aDocumentWithinEveryBoundParses() {
        assertThat(parse("{\"a\":[[[1]]],\"b\":\"" + "x".repeat(20) + "\"}").get("b").asText()).hasSize(20);
    }

    @Test
    void eachPassedBoundIsAValidationErrorThatNamesIt() {
        refused("[" + " ".repeat(1_000) + "]", "is longer than 1000 characters");
        refused("[[[[[1]]]]]", "nests deeper than 4 levels");
        refused("{\"" + "k".repeat(11) + "\":1}", "has a key longer than 10 characters");
        refused("[\"" + "v".repeat(21) + "\"]", "has a text value longer than 20 characters");
        refused("[" + "1,".repeat(60) + "1]", "has more than 50 keys, values and brackets");
        refused("[" + "9".repeat(101) + "]", "has a number longer than 100 digits or with a huge exponent");
    }

    @Test
    void aKeyGivenTwiceIsRefusedInsteadOfTheLastWinning() {
        refused("{\"a\":1,\"b\":2,\"a\":3}", "repeats the key 'a'");
    }

    @Test
    void malformedJsonAndNullAreValidationErrorsOnTheField() {
        assertThatThrownBy(() -> parse("{\"a\": ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors().get(0).reason()).startsWith("is not valid test JSON"));
        refused(null, "is required");
    }

    @Test
    void aDeeplyNestedDocumentStopsAtTheParserNotTheStack() {
        refused("[".repeat(900), "nests deeper than 4 levels");
    }

    @Test
    void aValidationErrorRaisedWhileReadingPassesThroughUnchanged() {
        ValidationException own = new ValidationException("inner", "bad");
        assertThatThrownBy(() -> LIMITS.parse("doc", "test JSON", "{}", p -> {
            throw own;
        })).isSameAs(own);
    }
}
