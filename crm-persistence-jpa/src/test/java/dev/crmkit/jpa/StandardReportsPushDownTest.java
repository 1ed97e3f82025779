package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.StandardReports;
import org.junit.jupiter.api.Test;

/**
 * Every ready-made report runs as SQL on the JPA adapter (with results equal to the in-memory engine's, checked by
 * {@code ReportingContract} on every database); one that would fall back to memory fails here.
 */
class StandardReportsPushDownTest {
    @Test
    void everyReadyMadeReportPushesDown() {
        assertThat(StandardReports.all().stream().filter(d -> !JpaReportExecutor.pushesDown(d))
                .map(ReportDefinition::name)).isEmpty();
    }
}
