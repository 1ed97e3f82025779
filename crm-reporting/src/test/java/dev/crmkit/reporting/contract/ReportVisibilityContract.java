package dev.crmkit.reporting.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.contract.ContractSupport;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.FactSource;
import dev.crmkit.reporting.Field;
import dev.crmkit.reporting.Measure;
import dev.crmkit.reporting.ReportDefinition;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.ReportRow;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.TimeWindow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports count only the records their reader sees, as the services list them: a rep's pipeline is their own and
 * their account teams', a manager's their teams', an ADMIN's everyone's; every executor gives the same answer.
 */
public abstract class ReportVisibilityContract extends ContractSupport {
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId MID = UserId.of("mid");

    private ReportService reports;
    private AccountId acme;
    private AccountId globex;

    /** The executor under test. */
    protected abstract ReportExecutor executor();

    @BeforeEach
    void setUpTwoReps() {
        reports = ReportService.builder(crm).executor(executor()).build();
        crm.teams().create("Mid's", MID, Set.of(ANN));
        crm.teams().create("Others", UserId.of("other-boss"), Set.of(BOB));
        acme = crm.accounts().create(AccountDetails.named("Acme").withOwner(ANN));
        globex = crm.accounts().create(AccountDetails.named("Globex").withOwner(BOB));
        ContactId wile = crm.contacts().create(ContactDetails.of(acme, "Wile", "Coyote", null).withOwner(ANN));
        ContactId hank = crm.contacts().create(ContactDetails.of(globex, "Hank", "Scorpio", null).withOwner(BOB));
        LocalDate close = LocalDate.of(2026, 3, 1);
        crm.opportunities().create(NewOpportunity.of(acme, "Looms", Money.of("100.00", "EUR"), close).withOwner(ANN));
        crm.opportunities().create(NewOpportunity.of(globex, "Engines", Money.of("1000.00", "EUR"), close)
                .withOwner(BOB));
        crm.opportunities().create(NewOpportunity.of(globex, "Gears", Money.of("10.00", "EUR"), close)
                .withOwner(BOB));
        crm.customers().recordPurchase(NewPurchase.of(acme, wile, "LOOM", 1, Money.of("5.00", "EUR")));
        crm.customers().recordPurchase(NewPurchase.of(globex, hank, "ENG", 2, Money.of("7.00", "EUR")));
        crm.cases().open(NewCase.from(hank, Channel.PHONE, "Broken").withOwner(BOB));
        crm.leads().capture(NewLead.of("Pat", "Anns", "pat@example.com").owner(ANN));
        crm.leads().capture(NewLead.of("Sam", "Bobs", "sam@example.com").owner(BOB));
        crm.tasks().create(NewTask.of("Call Wile").assignTo(ANN));
        crm.tasks().create(NewTask.of("Call Hank").assignTo(BOB));
    }

    @AfterEach
    void closeReports() {
        reports.close();
    }

    private ReportService as(UserId user, String... roles) {
        return reports.as(new Actor(tenant, user, Set.of(roles)));
    }

    private static ReportDefinition byOwner(FactSource source) {
        return ReportDefinition.of(source + " by owner", source).groupBy(Dimension.OWNER).measure(Measure.count("n"))
                .window(TimeWindow.ALL).build();
    }

    private static Map<String, BigDecimal> counts(ReportResult result) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (ReportRow row : result.rows()) {
            out.put(row.key(0), row.value(0));
        }
        return out;
    }

    private static Map<String, BigDecimal> owners(String... ownerAndCount) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (int i = 0; i < ownerAndCount.length; i += 2) {
            out.put(ownerAndCount[i], new BigDecimal(ownerAndCount[i + 1]));
        }
        return out;
    }

    @Test
    void aRepsPipelineIsTheirOwnAndAManagersTheirTeams() {
        ReportDefinition pipeline = ReportDefinition.of("Pipeline", FactSource.OPPORTUNITIES)
                .groupBy(Dimension.OWNER).measure(Measure.sum("amount", Field.AMOUNT)).window(TimeWindow.ALL).build();

        assertThat(counts(reports.run(pipeline))).as("an ADMIN's")
                .isEqualTo(owners("ann", "100.00", "bob", "1010.00"));
        assertThat(counts(as(ANN).run(pipeline))).isEqualTo(owners("ann", "100.00"));
        assertThat(counts(as(MID, Actor.MANAGER).run(pipeline))).isEqualTo(owners("ann", "100.00"));
        assertThat(counts(as(BOB).run(pipeline))).isEqualTo(owners("bob", "1010.00"));

        crm.accountTeams().addMember(globex, ANN, "support");
        assertThat(counts(as(ANN).run(pipeline))).as("and their account teams'")
                .isEqualTo(owners("ann", "100.00", "bob", "1010.00"));
    }

    @Test
    void everyRecordSourceCountsOnlyWhatTheReaderSees() {
        assertThat(counts(as(ANN).run(byOwner(FactSource.LEADS)))).isEqualTo(owners("ann", "1"));
        assertThat(counts(as(ANN).run(byOwner(FactSource.CONTACTS)))).isEqualTo(owners("ann", "1"));
        assertThat(counts(as(ANN).run(byOwner(FactSource.CASES)))).isEmpty();
        assertThat(counts(as(BOB).run(byOwner(FactSource.CASES)))).isEqualTo(owners("bob", "1"));
        assertThat(counts(as(ANN).run(byOwner(FactSource.TASKS)))).isEqualTo(owners("ann", "1"));
        assertThat(counts(reports.run(byOwner(FactSource.TASKS)))).isEqualTo(owners("ann", "1", "bob", "1"));

        ReportDefinition revenue = ReportDefinition.of("Revenue", FactSource.PURCHASES).groupBy(Dimension.PRODUCT)
                .measure(Measure.sum("revenue", Field.REVENUE)).window(TimeWindow.ALL).build();
        assertThat(counts(as(ANN).run(revenue))).isEqualTo(owners("LOOM", "5.00"));
        assertThat(counts(reports.run(revenue))).isEqualTo(owners("ENG", "14.00", "LOOM", "5.00"));
    }

    @Test
    void marketingCountsStayTenantWideButAreNotBrokenDownByPerson() {
        var spring = crm.tracking().createCampaign(CampaignDetails.named("Spring", Channel.WEB));
        crm.tracking().createAd(new AdDetails(spring, "Banner A", "A", null));
        crm.tracking().createAffiliate(new AffiliateDetails("Gadget Blog", "gadgets.example.org", "BLOG"));
        crm.tracking().record(new AdClick("c1", START, "v1", "A", "BLOG", null));
        crm.tracking().record(new AdClick("c2", START, "v2", "A", "BLOG", null));
        ReportDefinition clicks = ReportDefinition.of("Clicks", FactSource.TOUCHPOINTS).groupBy(Dimension.KIND)
                .measure(Measure.countDistinct("visitors", Dimension.VISITOR)).window(TimeWindow.ALL).build();
        ReportDefinition byVisitor = ReportDefinition.of("By visitor", FactSource.TOUCHPOINTS)
                .groupBy(Dimension.VISITOR).measure(Measure.count("n")).window(TimeWindow.ALL).build();

        assertThat(counts(as(ANN).run(clicks))).isEqualTo(owners("AD_CLICK", "2"));
        assertThatThrownBy(() -> as(ANN).run(byVisitor)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("VISITOR");
        assertThat(reports.run(byVisitor).rows()).hasSize(2);
    }

    @Test
    void aCachedResultIsNeverServedToAReaderWhoSeesLess() {
        ReportDefinition leads = byOwner(FactSource.LEADS);
        assertThat(counts(reports.run(leads))).isEqualTo(owners("ann", "1", "bob", "1"));
        assertThat(counts(as(ANN).run(leads))).isEqualTo(owners("ann", "1"));
        assertThat(counts(as(BOB).run(leads))).isEqualTo(owners("bob", "1"));
        assertThat(counts(reports.run(leads))).isEqualTo(owners("ann", "1", "bob", "1"));
    }
}
