package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static final LocalDate MON = LocalDate.of(2026, 1, 5);

    private static FactTable facts() {
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS,
                EnumSet.of(Dimension.KIND, Dimension.AD, Dimension.VISITOR, Dimension.DAY, Dimension.WEEK,
                        Dimension.CURRENCY),
                EnumSet.of(Field.COUNT, Field.VALUE));
        // ad A: 1000 impressions, 30 clicks by 2 visitors, 3 conversions worth 10.50 + 20 + nothing
        b.set(Dimension.KIND, "AD_IMPRESSION").set(Dimension.AD, "A").time(MON).setUnits(Field.COUNT, 1000).add();
        for (int i = 0; i < 30; i++) {
            b.set(Dimension.KIND, "AD_CLICK").set(Dimension.AD, "A").set(Dimension.VISITOR, i % 2 == 0 ? "v1" : "v2")
                    .time(MON.plusDays(i % 7)).setUnits(Field.COUNT, 1).add();
        }
        b.set(Dimension.KIND, "CONVERSION").set(Dimension.AD, "A").time(MON).setUnits(Field.COUNT, 1)
                .set(Field.VALUE, new BigDecimal("10.50")).set(Dimension.CURRENCY, "EUR").add();
        b.set(Dimension.KIND, "CONVERSION").set(Dimension.AD, "A").time(MON.plusDays(7)).setUnits(Field.COUNT, 1)
                .set(Field.VALUE, new BigDecimal("20")).set(Dimension.CURRENCY, "EUR").add();
        b.set(Dimension.KIND, "CONVERSION").set(Dimension.AD, "A").time(MON).setUnits(Field.COUNT, 1).add();
        // ad B: 300 impressions, 30 clicks by one visitor, no conversion
        b.set(Dimension.KIND, "AD_IMPRESSION").set(Dimension.AD, "B").time(MON).setUnits(Field.COUNT, 300).add();
        for (int i = 0; i < 30; i++) {
            b.set(Dimension.KIND, "AD_CLICK").set(Dimension.AD, "B").set(Dimension.VISITOR, "v3").time(MON)
                    .setUnits(Field.COUNT, 1).add();
        }
        // an email without ad: impressions/clicks of no ad
        b.set(Dimension.KIND, "EMAIL_SENT").time(MON).setUnits(Field.COUNT, 1).add();
        return b.build();
    }

    private static ReportDefinition.Builder adReport() {
        return ReportDefinition.of("ads", FactSource.TOUCHPOINTS).groupBy(Dimension.AD)
                .measure(Measure.sum("impressions", Field.COUNT).where(Dimension.KIND, "AD_IMPRESSION"))
                .measure(Measure.sum("clicks", Field.COUNT).where(Dimension.KIND, "AD_CLICK"))
                .measure(Measure.count("conversions").where(Dimension.KIND, "CONVERSION"))
                .measure(Measure.ratio("ctr", "clicks", "impressions"))
                .measure(Measure.ratio("cr", "conversions", "clicks"))
                .measure(Measure.countDistinct("visitors", Dimension.VISITOR))
                .measure(Measure.sum("revenue", Field.VALUE))
                .measure(Measure.avg("avgValue", Field.VALUE))
                .measure(Measure.min("minValue", Field.VALUE))
                .measure(Measure.max("maxValue", Field.VALUE));
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void ratiosAveragesAndDistinctCountsFollowTheDefinedRules() {
        ReportResult r = InMemoryReportExecutor.aggregate(facts(),
                adReport().orderBy(Order.desc("ctr")).build(), TimeWindow.ALL);

        assertThat(r.rows()).extracting(row -> row.key(0)).containsExactly("B", "A", null);
        // B: 30/300 = 0.1; no conversions: 0/30; no values: sum 0, avg/min/max null
        assertThat(r.rows().get(0).values()).isEqualTo(
                decimals("300", "30", "0", "0.100000", "0.000000", "1", "0.00", null, null, null));
        // A: 30/1000, 3/30, revenue 30.50 over 2 valued conversions (the third has no value)
        assertThat(r.rows().get(1).values()).isEqualTo(
                decimals("1000", "30", "3", "0.030000", "0.100000", "2", "30.50", "15.250000", "10.50", "20.00"));
        // no impressions: the ratio is null and sorts last even though descending
        assertThat(r.rows().get(2).values().get(3)).isNull();
    }

    @Test
    void filtersLimitAndCalendarKeys() {
        ReportResult r = InMemoryReportExecutor.aggregate(facts(), ReportDefinition.of("weeks", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.WEEK)
                .measure(Measure.count("clicks"))
                .where(Dimension.KIND, "AD_CLICK")
                .where(Dimension.AD, "A")
                .orderBy(Order.desc(Dimension.WEEK)).build(), TimeWindow.ALL);
        // 2026-01-05 is a Monday of ISO week 2; every click of A falls within that week
        assertThat(r.rows()).containsExactly(new ReportRow(List.of("2026-W02"), decimals("30")));

        ReportResult days = InMemoryReportExecutor.aggregate(facts(), ReportDefinition.of("days",
                FactSource.TOUCHPOINTS).groupBy(Dimension.DAY).measure(Measure.count("n"))
                .filter(Filter.notIn(Dimension.KIND, "AD_CLICK")).orderBy(Order.desc("n")).limit(1).build(),
                TimeWindow.ALL);
        // impressions of A and B, two conversions of A and the email fall on Monday
        assertThat(days.rows()).containsExactly(new ReportRow(List.of("2026-01-05"), decimals("5")));
    }

    @Test
    void aReportWithoutDimensionsHasOneTotalRowEvenWithoutFacts() {
        ReportDefinition total = ReportDefinition.of("total", FactSource.TOUCHPOINTS)
                .measure(Measure.count("n")).measure(Measure.sum("value", Field.VALUE))
                .measure(Measure.max("max", Field.VALUE)).where(Dimension.KIND, "PHONE_CALL").build();
        ReportResult r = InMemoryReportExecutor.aggregate(facts(), total, TimeWindow.ALL);
        assertThat(r.rows()).containsExactly(new ReportRow(List.of(), decimals("0", "0.00", null)));
    }

    @Test
    void largeKeySpacesAggregateThroughTheHashPath() {
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS, EnumSet.of(Dimension.VISITOR, Dimension.AD),
                EnumSet.of(Field.COUNT));
        for (int i = 0; i < 5000; i++) {
            b.set(Dimension.VISITOR, "v" + i).set(Dimension.AD, "ad" + (i % 3000)).setUnits(Field.COUNT, i).add();
        }
        ReportResult r = InMemoryReportExecutor.aggregate(b.build(), ReportDefinition.of("v", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.VISITOR, Dimension.AD).measure(Measure.sum("n", Field.COUNT))
                .orderBy(Order.desc("n")).limit(2).build(), TimeWindow.ALL);
        assertThat(r.rows()).containsExactly(new ReportRow(List.of("v4999", "ad1999"), decimals("4999")),
                new ReportRow(List.of("v4998", "ad1998"), decimals("4998")));
    }

    @Test
    void aValueOrATotalBeyondTheExactRangeIsRefusedNamingTheMeasures() {
        FactTable.Builder b = FactTable.builder(FactSource.TOUCHPOINTS, EnumSet.of(Dimension.AD),
                EnumSet.of(Field.COUNT, Field.VALUE));
        assertThatThrownBy(() -> b.set(Field.VALUE, new BigDecimal("922337203685477.5808")))
                .isInstanceOf(ValidationException.class);
        b.set(Dimension.AD, "A").setUnits(Field.COUNT, 1).set(Field.VALUE, new BigDecimal("922337203685477.5807"))
                .add();
        b.set(Dimension.AD, "A").setUnits(Field.COUNT, 1).set(Field.VALUE, new BigDecimal("0.0001")).add();
        FactTable facts = b.build();
        ReportDefinition count = ReportDefinition.of("n", FactSource.TOUCHPOINTS).groupBy(Dimension.AD)
                .measure(Measure.sum("n", Field.COUNT)).build();

        // Plain long additions would wrap to a negative revenue.
        for (Measure m : List.of(Measure.sum("revenue", Field.VALUE), Measure.avg("average", Field.VALUE))) {
            assertThatThrownBy(() -> InMemoryReportExecutor.aggregate(facts, ReportDefinition.of("r",
                    FactSource.TOUCHPOINTS).groupBy(Dimension.AD).measure(m).build(), TimeWindow.ALL))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("measures");
        }
        assertThat(InMemoryReportExecutor.aggregate(facts, count, TimeWindow.ALL).rows().get(0).values())
                .containsExactly(new BigDecimal("2"));
    }
}
