package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.testkit.MutableClock;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reports on two application nodes over one PostgreSQL database (issue 15, item 5): node B's cached report shows a
 * click node A recorded once the result is older than B's staleness bound, and B's own writes at once.
 */
class PostgresTwoNodeReportsTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    private static JpaStorage nodeB;

    @BeforeAll
    static void startSecondNode() {
        nodeB = JpaStorage.create(DATABASE.dataSource());
    }

    @AfterAll
    static void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void aWriteCommittedOnOneNodeShowsInTheOthersReportsWithinTheStalenessBound() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        Actor analyst = Actor.of("reports-" + UUID.randomUUID().toString().substring(0, 8), "analyst",
                Actor.MANAGER);
        Crm a = Crm.builder().storage(DATABASE.storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(analyst).build();
        Crm b = Crm.builder().storage(nodeB).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(analyst).build();
        CampaignId spring = a.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        a.tracking().createAd(new AdDetails(spring, "Banner", "SPRING-A", "https://example.com/a"));
        a.tracking().record(new AdClick("click-1", clock.instant(), "visitor-1", "SPRING-A", null, null));
        ReportDefinition ads = StandardReports.adPerformance();

        try (ReportService reportsOnB = ReportService.builder(b).executor(new JpaReportExecutor())
                .maxStaleness(Duration.ofSeconds(5)).build()) {
            assertThat(clicks(reportsOnB.run(ads))).isEqualTo(1);

            a.tracking().record(new AdClick("click-2", clock.instant(), "visitor-2", "SPRING-A", null, null));
            clock.advance(Duration.ofSeconds(4));
            assertThat(clicks(reportsOnB.run(ads))).as("within the bound B may still serve its result")
                    .isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(clicks(reportsOnB.run(ads))).as("after the bound A's click shows").isEqualTo(2);

            b.tracking().record(new AdClick("click-3", clock.instant(), "visitor-3", "SPRING-A", null, null));
            assertThat(clicks(reportsOnB.run(ads))).as("B's own write shows at once").isEqualTo(3);
        }
    }

    private static long clicks(ReportResult result) {
        BigDecimal total = BigDecimal.ZERO;
        for (int row = 0; row < result.rows().size(); row++) {
            total = total.add(result.value(row, "clicks"));
        }
        return total.longValueExact();
    }
}
