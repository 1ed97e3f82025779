package dev.crmkit.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandardReportsTest {
    @Test
    void everyReadyMadeReportIsDistinctAndSurvivesJson() {
        assertThat(StandardReports.all()).extracting(ReportDefinition::name).doesNotHaveDuplicates();
        for (ReportDefinition d : StandardReports.all()) {
            assertThat(ReportJson.read(ReportJson.write(d))).isEqualTo(d);
        }
    }

    @Test
    void aReadyMadeReportIsACopyAHostCanChange() {
        ReportDefinition top5 = StandardReports.adsByClickThroughRate().toBuilder().limit(5)
                .window(TimeWindow.lastDays(7)).build();
        assertThat(top5.limit()).isEqualTo(5);
        assertThat(StandardReports.adsByClickThroughRate().limit()).isNull();
    }
}
