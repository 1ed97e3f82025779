package dev.crmkit.reporting.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.contract.ContractSupport;
import dev.crmkit.core.contract.HostileRun;
import dev.crmkit.core.contract.HostileValues;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to reports, the same on every executor: a filter value no stored value can hold is refused naming
 * the filter, any other one runs and finds nothing; a window outside the stored range is refused naming its bound,
 * and a click at the very end of the range never makes a report fail.
 */
public abstract class HostileReportContract extends ContractSupport {
    private static final Instant LAST_MICROSECOND = Validation.END_OF_INSTANTS.minusNanos(1_000);

    private ReportService reports;

    /** The executor under test. */
    protected abstract ReportExecutor executor();

    @BeforeEach
    void setUpReports() {
        reports = ReportService.builder(crm).executor(executor()).build();
        var spring = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        crm.tracking().createAd(new AdDetails(spring, "Banner A", "A", null));
        crm.tracking().record(new AdClick("click-1", START, "visitor-1", "A", null, null));
    }

    @AfterEach
    void closeReports() {
        reports.close();
    }

    private static ReportDefinition byVisitor(String value) {
        return ReportDefinition.of("Visitors", FactSource.TOUCHPOINTS).groupBy(Dimension.VISITOR)
                .measure(Measure.count("touchpoints")).where(Dimension.VISITOR, value).build();
    }

    @Test
    void aHostileFilterValueIsRefusedNamingTheFilterOrFindsNothing() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        List<String> values = HostileValues.texts("reports filter value", 0);
        for (String value : values) {
            try {
                ReportResult result = reports.run(byVisitor(value));
                if (!result.rows().isEmpty()) {
                    wrong.add(HostileRun.show(value) + " found " + result.rows());
                }
            } catch (ValidationException e) {
                refused++;
                if (!e.errors().stream().map(FieldError::field).allMatch("filters[0].values"::equals)) {
                    wrong.add(HostileRun.show(value) + " refused naming " + e.errors());
                }
            } catch (RuntimeException e) {
                wrong.add(HostileRun.show(value) + " threw " + e);
            }
        }
        System.out.printf("hostile report filter values on %s: %d, %d refused%n",
                executor().getClass().getSimpleName(), values.size(), refused);
        assertThat(wrong).isEmpty();
        assertThat(refused).isPositive();
        assertThat(reports.run(byVisitor("visitor-1")).rows()).hasSize(1);
    }

    @Test
    void aWindowOutsideTheStoredRangeIsRefusedNamingItsBound() {
        for (Instant outside : List.of(Instant.MIN, LocalDate.of(0, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                Instant.parse("1899-12-31T23:59:59Z"))) {
            assertThatThrownBy(() -> TimeWindow.between(outside, START)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.hasErrorFor("window.from")).isTrue());
        }
        assertThatThrownBy(() -> TimeWindow.between(Instant.MIN, Instant.MAX)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("window.from", "window.to"));
        assertThatThrownBy(() -> TimeWindow.lastDays(Integer.MAX_VALUE)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.hasErrorFor("window.lastDays")).isTrue());
        TimeWindow whole = TimeWindow.between(Validation.EARLIEST_INSTANT, Validation.END_OF_INSTANTS);
        assertThat(reports.run(byVisitor("visitor-1"), whole).rows()).hasSize(1);
        assertThat(reports.run(byVisitor("visitor-1"), TimeWindow.lastDays(TimeWindow.MAX_LAST_DAYS)).rows())
                .hasSize(1);
    }

    @Test
    void aClickAtTheEndOfTheRangeNeverMakesAReportFail() {
        assertThatThrownBy(() -> crm.tracking().record(new AdClick("click-max", Instant.MAX, "visitor-2", "A", null,
                null))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("occurredAt")).isTrue());
        crm.tracking().record(new AdClick("click-last", LAST_MICROSECOND, "visitor-2", "A", null, null));
        ReportDefinition byDay = ReportDefinition.of("Days", FactSource.TOUCHPOINTS).groupBy(Dimension.DAY)
                .measure(Measure.count("touchpoints")).build();
        assertThat(reports.run(byDay).rows()).hasSize(2);
        assertThat(reports.run(byDay, TimeWindow.between(Validation.EARLIEST_INSTANT,
                Validation.END_OF_INSTANTS)).rows()).hasSize(2);
    }
}
