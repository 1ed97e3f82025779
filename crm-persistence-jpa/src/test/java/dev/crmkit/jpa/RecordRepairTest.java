package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.jpa.RecordRepair.BrokenRecord;
import dev.crmkit.jpa.RecordRepair.Kind;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.InMemoryReportExecutor;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.TimeWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * One bad row never locks a tenant out: rows broken behind the CRM's back (with plain JDBC, as a faulty migration or
 * a hand-written fix would) make the tenant's lead reads fail, {@link RecordRepair} lists them by id without their
 * values, and resetting the broken column or deleting the record makes every read work again.
 */
@EachDatabase
class RecordRepairTest {
    /**
     * JSON cut short, as a faulty hand-written fix leaves it: the parser refuses the whole document. (A key over
     * Jackson's default name limit no longer does: the adapter reads its own columns without that bound.)
     */
    private static final String BROKEN_JSON = "{\"secret-key\": \"secret-val";

    @Parameter
    TestDatabase database;

    private TenantId tenant;
    private Crm crm;

    @BeforeEach
    void openTenant() {
        tenant = TenantId.of("repair-" + UUID.randomUUID().toString().substring(0, 12));
        crm = Crm.builder().storage(database.storage())
                .actor(new Actor(tenant, UserId.of("admin"), Set.of(Actor.ADMIN, Actor.MANAGER))).build();
    }

    private void breakColumn(LeadId lead, String column, String value) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE crm_lead SET " + column
                     + " = ? WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, value);
            s.setString(2, tenant.value());
            JdbcParameters.uuid(s, 3, lead.value(), Database.detect(database.dataSource()).database());
            assertThat(s.executeUpdate()).isEqualTo(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private void leadReadsWork(int leads) {
        assertThat(crm.leads().search(LeadQuery.all(), PageRequest.first(10)).items()).hasSize(leads);
        crm.leads().rescoreOpen();
        crm.leads().capture(NewLead.of("Ada", "Again", "ada@example.com"));
    }

    @Test
    void aLeadWhoseJsonColumnNoLongerParsesIsListedAndItsColumnResetToEmpty() throws SQLException {
        LeadId lead = crm.leads().capture(NewLead.of("Big", "Key", "ada@example.com"));
        LeadId fine = crm.leads().capture(NewLead.of("Grace", "Hopper", "grace@navy.example"));
        breakColumn(lead, "custom_fields", BROKEN_JSON);

        assertThatThrownBy(() -> crm.leads().get(lead)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> crm.leads().capture(NewLead.of("Ada", "Again", "ada@example.com")))
                .as("the duplicate check reads the broken row").isInstanceOf(StorageException.class);

        RecordRepair repair = database.storage().repair();
        assertThat(repair.broken(tenant)).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Kind.LEAD);
            assertThat(b.id()).isEqualTo(lead.value());
            assertThat(b.problem()).startsWith("StorageException").doesNotContain("secret");
        });
        assertThatThrownBy(() -> repair.reset(tenant, Kind.LEAD, lead.value(), "first_name"))
                .isInstanceOf(ValidationException.class);
        repair.reset(tenant, Kind.LEAD, lead.value(), "custom_fields");

        assertThat(repair.broken(tenant)).isEmpty();
        Lead repaired = crm.leads().get(lead);
        assertThat(repaired.customFields()).isEmpty();
        assertThat(repaired.identity().lastName()).isEqualTo("Key");
        assertThat(crm.leads().get(fine).identity().lastName()).isEqualTo("Hopper");
        leadReadsWork(2);
    }

    @Test
    void aLeadWithAnUnknownStatusIsListedAndCanBeDeletedWithItsKeys() throws SQLException {
        LeadId lead = crm.leads().capture(NewLead.of("Bad", "Status", "bad@example.com").tags(Set.of("vip"))
                .visitorId("visitor-9"));
        breakColumn(lead, "status", "BOGUS");
        assertThatThrownBy(() -> crm.leads().search(LeadQuery.all(), PageRequest.first(10)))
                .isInstanceOf(RuntimeException.class);

        RecordRepair repair = database.storage().repair();
        assertThat(repair.broken(tenant)).extracting(BrokenRecord::kind, BrokenRecord::id)
                .containsExactly(org.assertj.core.api.Assertions.tuple(Kind.LEAD, lead.value()));
        repair.delete(tenant, Kind.LEAD, lead.value());

        assertThat(repair.broken(tenant)).isEmpty();
        assertThatThrownBy(() -> crm.leads().get(lead)).isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().search(LeadQuery.all().withTag("vip"), PageRequest.first(10)).items()).isEmpty();
        assertThat(crm.tracking().touchpointsOfVisitor("visitor-9")).isEmpty();
        assertThatThrownBy(() -> repair.delete(tenant, Kind.LEAD, lead.value()))
                .isInstanceOf(NotFoundException.class);
        leadReadsWork(0);
    }

    @Test
    void aTouchpointThatNoLongerLoadsIsDeletedAndLeavesTheDayTotalsReportsReadToo() throws SQLException {
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        crm.tracking().createAd(new AdDetails(campaign, "Banner", "AD-1", "https://shop.example/"));
        Instant now = Instant.now();
        crm.tracking().record(new TrackedActivity.AdClick("click-1", now, "visitor-1", "AD-1", null, null));
        crm.tracking().record(new TrackedActivity.AdClick("click-2", now, "visitor-2", "AD-1", null, null));
        TouchpointId broken = crm.tracking().touchpointsOfVisitor("visitor-2").get(0).id();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE crm_touchpoint SET kind = 'BOGUS'"
                     + " WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant.value());
            JdbcParameters.uuid(s, 2, broken.value(), Database.detect(database.dataSource()).database());
            assertThat(s.executeUpdate()).isEqualTo(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        ReportDefinition clicks = ReportDefinition.of("clicks", FactSource.TOUCHPOINTS)
                .measure(Measure.sum("clicks", Field.COUNT)).build();
        assertThat(InMemoryReportExecutor.answersFromDayTotals(clicks, TimeWindow.ALL)).isTrue();

        RecordRepair repair = database.storage().repair();
        assertThat(repair.broken(tenant)).extracting(BrokenRecord::kind, BrokenRecord::id)
                .containsExactly(org.assertj.core.api.Assertions.tuple(Kind.TOUCHPOINT, broken.value()));
        repair.delete(tenant, Kind.TOUCHPOINT, broken.value());

        try (ReportService reports = ReportService.builder(crm).executor(new JpaReportExecutor()).build()) {
            assertThat(reports.run(clicks).rows().get(0).values().get(0)).isEqualByComparingTo("1");
        }
        assertThat(crm.tracking().touchpointsOfVisitor("visitor-1")).hasSize(1);
    }
}
