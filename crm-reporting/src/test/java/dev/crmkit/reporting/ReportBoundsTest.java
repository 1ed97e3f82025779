package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBoundsTest {
    private static void refused(Runnable r, String field, String reasonPart) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).contains(field);
                    assertThat(e.errors()).filteredOn(err -> err.field().equals(field))
                            .allSatisfy(err -> assertThat(err.reason()).contains(reasonPart));
                    assertThat(e.getMessage().length()).isLessThan(2_000);
                }));
    }

    /** {@code length} characters that JSON escapes to two each, starting with a distinguishing number. */
    private static String escaped(int length, int n) {
        String prefix = "m" + n;
        return prefix + "\"".repeat(length - prefix.length());
    }

    private static List<String> values(int n, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(escaped(length, i));
        }
        return values;
    }

    private static ReportDefinition.Builder clicks() {
        return ReportDefinition.of("Clicks", FactSource.TOUCHPOINTS).measure(Measure.count("clicks"));
    }

    @Test
    void aDefinitionAtEveryLimitSurvivesAJsonRoundTrip() {
        ReportDefinition.Builder b = ReportDefinition.of(escaped(ReportLimits.NAME, 0), FactSource.TOUCHPOINTS)
                .groupBy(Dimension.AD);
        for (int i = 0; i < ReportLimits.MEASURES; i++) {
            String name = escaped(ReportLimits.NAME, i);
            b.measure(Measure.count(name).where(Dimension.KIND, escaped(ReportLimits.FILTER_VALUE, i)));
            b.orderBy(Order.desc(name));
        }
        b.filter(new Filter(Dimension.VISITOR, values(ReportLimits.FILTER_VALUES - ReportLimits.MEASURES,
                ReportLimits.FILTER_VALUE), false));
        ReportDefinition d = b.build();
        String json = ReportJson.write(d);
        assertThat(json.length()).isLessThanOrEqualTo(ReportLimits.JSON);
        assertThat(ReportJson.read(json)).isEqualTo(d);
    }

    @Test
    void aFilterOf70000ValuesIsRefusedWholeNamingTheLimit() {
        List<String> many = values(70_000, 10);
        refused(() -> clicks().filter(new Filter(Dimension.VISITOR, many, false)).build(), "filters",
                "at most " + ReportLimits.FILTER_VALUES + " values");
        refused(() -> clicks().filter(new Filter(Dimension.VISITOR, many.subList(0, ReportLimits.FILTER_VALUES),
                false)).measure(Measure.count("views").where(Dimension.KIND, "AD_CLICK")).build(), "filters",
                "at most " + ReportLimits.FILTER_VALUES + " values");
        clicks().filter(new Filter(Dimension.VISITOR, many.subList(0, ReportLimits.FILTER_VALUES), false)).build();
    }

    @Test
    void namesValuesMeasuresAndSortKeysBeyondTheirLimitsAreRefusedNamingThePart() {
        refused(() -> clicks().name("n".repeat(ReportLimits.NAME + 1)).build(), "name", "at most");
        refused(() -> ReportDefinition.of("r", FactSource.TOUCHPOINTS)
                .measure(Measure.count("m".repeat(ReportLimits.NAME + 1))).build(), "measures[0].name", "at most");
        refused(() -> clicks().where(Dimension.VISITOR, "v".repeat(ReportLimits.FILTER_VALUE + 1)).build(),
                "filters[0].values", "at most " + ReportLimits.FILTER_VALUE);
        ReportDefinition.Builder manyMeasures = clicks();
        for (int i = 0; i < ReportLimits.MEASURES; i++) {
            manyMeasures.measure(Measure.count("m" + i));
        }
        refused(manyMeasures::build, "measures", "at most " + ReportLimits.MEASURES);
        ReportDefinition.Builder manyOrders = clicks();
        for (int i = 0; i <= ReportLimits.ORDER; i++) {
            manyOrders.orderBy(Order.desc("clicks"));
        }
        refused(manyOrders::build, "order", "at most " + ReportLimits.ORDER);
    }

    @Test
    void definitionJsonIsBoundedBeforeItIsParsed() {
        String ok = ReportJson.write(clicks().build());
        refused(() -> ReportJson.read("{\"name\":\"a\"," + "\"window\":{".repeat(700) + "}".repeat(700) + "}"),
                "definition", "nests deeper than");
        refused(() -> ReportJson.read(ok.replace("{\"name\":\"Clicks\"", "{\"name\":\"Clicks\",\"name\":\"Evil\"")),
                "definition", "repeats the key 'name'");
        refused(() -> ReportJson.read(ok.replace("\"Clicks\"", "\"" + "x".repeat(10_000_000) + "\"")),
                "definition", "is longer than " + ReportLimits.JSON);
        refused(() -> ReportJson.read(null), "definition", "is required");
        refused(() -> ReportJson.read("{\"name\": "), "definition", "is not valid definition JSON");
    }
}
