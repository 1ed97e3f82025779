package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportDefinitionTest {

    private static ReportDefinition adPerformance() {
        return ReportDefinition.of("Ad performance", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.AD, Dimension.AFFILIATE, Dimension.DAY)
                .measure(Measure.sum("impressions", Field.COUNT).where(Dimension.KIND, "AD_IMPRESSION"))
                .measure(Measure.sum("clicks", Field.COUNT).where(Dimension.KIND, "AD_CLICK"))
                .measure(Measure.count("conversions").where(Dimension.KIND, "CONVERSION"))
                .measure(Measure.countDistinct("visitors", Dimension.VISITOR))
                .measure(Measure.avg("avgValue", Field.VALUE).where(Filter.notIn(Dimension.CURRENCY, "JPY", null)))
                .measure(Measure.ratio("ctr", "clicks", "impressions"))
                .measure(Measure.ratio("conversionRate", "conversions", "clicks"))
                .where(Dimension.CHANNEL, "WEB")
                .window(TimeWindow.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
                .orderBy(Order.desc("ctr"), Order.asc(Dimension.DAY))
                .limit(50)
                .build();
    }

    @Test
    void aDefinitionSurvivesAJsonRoundTrip() {
        ReportDefinition def = adPerformance();
        String json = ReportJson.write(def);
        assertThat(ReportJson.read(json)).isEqualTo(def);
        assertThat(json).contains("\"from\":\"2026-01-01T00:00:00Z\"").doesNotContain("fraction", "lastDays");

        ReportDefinition relative = def.toBuilder().window(TimeWindow.lastDays(7)).limit(null).build();
        assertThat(ReportJson.read(ReportJson.write(relative))).isEqualTo(relative);

        ReportDefinition berlin = def.toBuilder().zone(java.time.ZoneId.of("Europe/Berlin")).build();
        assertThat(ReportJson.write(berlin)).contains("\"zone\":\"Europe/Berlin\"");
        assertThat(ReportJson.read(ReportJson.write(berlin))).isEqualTo(berlin);
        assertThat(def.zone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(def.toBuilder().zone(java.time.ZoneId.of("UTC")).build()).isEqualTo(def);
    }

    @Test
    void aCopyCanBeChangedWithoutTouchingTheOriginal() {
        ReportDefinition def = adPerformance();
        ReportDefinition byCampaign = def.toBuilder().name("By campaign").regroupBy(Dimension.CAMPAIGN)
                .reorderBy(Order.desc("clicks")).build();
        assertThat(byCampaign.dimensions()).containsExactly(Dimension.CAMPAIGN);
        assertThat(def.dimensions()).containsExactly(Dimension.AD, Dimension.AFFILIATE, Dimension.DAY);
        assertThat(byCampaign.measures()).isEqualTo(def.measures());
    }

    @Test
    void everyBadPartIsNamed() {
        assertThatThrownBy(() -> ReportDefinition.of(" ", FactSource.LEADS)
                .groupBy(Dimension.STATUS, Dimension.AGE_BAND, Dimension.STATUS)
                .measure(Measure.sum("s", Field.REVENUE))
                .measure(Measure.ratio("r", "s", "missing"))
                .measure(Measure.countDistinct("s", Dimension.KIND))
                .where(Dimension.GENDER, "FEMALE")
                .orderBy(Order.asc("OWNER"))
                .limit(0)
                .build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "dimensions[1]", "dimensions[2]", "measures[0].field",
                                "measures[1].denominator", "measures[2].name", "measures[2].of",
                                "filters[0].dimension", "order[0].by", "limit"));
    }

    @Test
    void ratiosNeedPlainOperandsAndAMeasureIsRequired() {
        assertThatThrownBy(() -> ReportDefinition.of("r", FactSource.TOUCHPOINTS)
                .measure(Measure.count("n"))
                .measure(Measure.ratio("a", "n", "n"))
                .measure(Measure.ratio("b", "a", "n"))
                .build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field)
                                .containsExactly("measures[2].numerator"));
        assertThatThrownBy(() -> ReportDefinition.of("r", FactSource.CONTACTS).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("measures")).isTrue());
    }

    @Test
    void badJsonIsAValidationErrorNamingTheField() {
        String json = ReportJson.write(adPerformance()).replace("\"DAY\"]", "\"GENDER\"]");
        assertThatThrownBy(() -> ReportJson.read(json))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("dimensions[2]")).isTrue());
        assertThatThrownBy(() -> ReportJson.read("{\"name\":\"x\",\"source\":\"NOPE\"}"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void relativeWindowsResolveToWholeUtcDays() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), java.time.ZoneOffset.UTC);
        assertThat(TimeWindow.lastDays(7).resolve(clock)).isEqualTo(TimeWindow.between(
                Instant.parse("2026-03-04T00:00:00Z"), Instant.parse("2026-03-11T00:00:00Z")));
        assertThat(TimeWindow.lastDays(1).resolve(clock, java.time.ZoneId.of("Asia/Tokyo"))).isEqualTo(
                TimeWindow.between(Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-11T15:00:00Z")));
        assertThatThrownBy(() -> TimeWindow.between(Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(ValidationException.class);
    }
}
