package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.StandardReports;
import org.junit.jupiter.api.Test;

/**
 * Which ready-made reports run as SQL: the rest fall back to the in-memory engine (with equal results, checked by
 * {@code ReportingContract} on every database). A report that starts or stops pushing down changes this list.
 */
class StandardReportsPushDownTest {
    @Test
    void readyMadeReportsPushDownExceptThoseNeedingSqlNotWrittenYet() {
        assertThat(StandardReports.all().stream().filter(d -> !JpaReportExecutor.pushesDown(d))
                .map(ReportDefinition::name)).containsExactlyInAnyOrder(
                "Customers by industry", "Pipeline by stage", "Weighted forecast by owner and month",
                "Win rate and sales cycle by owner", "SLA compliance by priority", "Mean time to resolution by priority");
    }
}
