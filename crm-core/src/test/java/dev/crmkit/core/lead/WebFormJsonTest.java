package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class WebFormJsonTest {
    private static void refused(String json, String reasonPart) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> WebFormSubmission.fromJson(json)).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("payload");
                    assertThat(e.errors().get(0).reason()).contains(reasonPart);
                    assertThat(e.getMessage().length()).isLessThan(1_000);
                }));
    }

    private static String fields(int n) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (int i = 0; i < n; i++) {
            j.add("\"f" + i + "\":\"v\"");
        }
        return j.toString();
    }

    @Test
    void aFormFlattensNestedObjectsAndJoinsArraysAsBefore() {
        WebFormSubmission form = WebFormSubmission.fromJson("""
                {"email":"a@example.com","address":{"city":"Leeds","geo":{"lat":1.50}},"tags":["a",null,2,{"x":1}],
                 "empty":null,"ok":true}""");
        assertThat(form.fields()).containsExactly(Map.entry("email", "a@example.com"),
                Map.entry("address.city", "Leeds"), Map.entry("address.geo.lat", "1.50"), Map.entry("tags", "a,2"),
                Map.entry("ok", "true"));
    }

    @Test
    void aTenMegabyteFormIsRefusedBeforeParsing() {
        refused("{\"big\":\"" + "x".repeat(10_000_000) + "\"}", "is longer than "
                + WebFormSubmission.MAX_JSON_LENGTH + " characters");
    }

    @Test
    void aOneMegabyteFieldNameIsRefusedWithoutRepeatingIt() {
        refused("{\"" + "k".repeat(1_000_000 - 10) + "\":\"v\"}", "key longer than "
                + WebFormSubmission.MAX_NAME_LENGTH);
    }

    @Test
    void aKeyGivenTwiceIsRefusedInsteadOfTheLastWinning() {
        refused("{\"email\":\"a@example.com\",\"email\":\"evil@example.com\"}", "repeats the key 'email'");
        refused("{\"address.city\":\"Leeds\",\"address\":{\"city\":\"York\"}}", "repeats the key 'address.city'");
    }

    @Test
    void twentyThousandFieldsAreRefusedAtTheFieldLimit() {
        WebFormSubmission.fromJson(fields(WebFormSubmission.MAX_FIELDS));
        refused(fields(WebFormSubmission.MAX_FIELDS + 1), "more than " + WebFormSubmission.MAX_FIELDS + " fields");
        refused(fields(20_000), "more than " + WebFormSubmission.MAX_FIELDS + " fields");
        refused("{\"many\":[" + "1,".repeat(20_000) + "1]}", "more than " + WebFormSubmission.MAX_FIELDS);
    }

    @Test
    void deepNestingStopsAtTheParser() {
        refused("{\"a\":".repeat(700) + "1" + "}".repeat(700), "nests deeper than " + WebFormSubmission.MAX_DEPTH);
    }

    @Test
    void anythingButOneJsonObjectIsRefused() {
        refused("[1, 2]", "must be a JSON object");
        refused("", "must be a JSON object");
        refused(null, "must be a JSON object");
        refused("{\"a\":1}{\"b\":2}", "has more after the JSON object");
        refused("{\"fname\": ", "is not valid JSON");
    }
}
