package dev.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.sales.QuotePolicy;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.MutableClock;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.reporting.ReportService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The starter as a Spring Boot application meets it: what it configures, what it binds, what it refuses. */
class CrmAutoConfigurationTest {
    private static final Actor ALICE = Actor.of("acme", "alice", Actor.MANAGER);

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withPropertyValues("crmkit.scheduling.enabled=false");

    private final ApplicationContextRunner withDatabase = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
                    CrmAutoConfiguration.class, JacksonAutoConfiguration.class))
            .withPropertyValues("crmkit.scheduling.enabled=false");

    @Test
    void withoutADataSourceTheCrmKeepsItsDataInMemory() {
        app.run(context -> {
            assertThat(context).hasSingleBean(Crm.class).hasSingleBean(ReportService.class);
            assertThat(context.getBean(Storage.class)).isInstanceOf(InMemoryStorage.class);
            Crm alice = context.getBean(Crm.class).as(ALICE);
            LeadId id = alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            assertThat(alice.leads().get(id).reach().email().value()).isEqualTo("ada@example.com");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onTheApplicationsDataSourceTheSchemaIsMigratedAfterTheApplicationsOwnAndDataLivesInTheDatabase(TestDatabases db) throws Exception {
        try (TestDatabases.Fresh fresh = db.create()) {
            withDatabase.withPropertyValues(fresh.properties()).run(context -> {
                assertThat(context.getBean(Storage.class)).isInstanceOf(JpaStorage.class);
                Crm alice = context.getBean(Crm.class).as(ALICE);
                LeadId id = alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM host_order", Integer.class))
                        .as("the application's own migrations ran too").isZero();
                Integer rows = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM crm_lead WHERE email = 'ada@example.com'", Integer.class);
                assertThat(rows).isEqualTo(1);
                assertThat(alice.leads().get(id).identity().firstName()).isEqualTo("Ada");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void crmWorkJoinsTheSpringTransactionAndItsEventsLeaveOnlyAfterTheCommit(TestDatabases db) throws Exception {
        try (TestDatabases.Fresh fresh = db.create()) {
            withDatabase.withPropertyValues(fresh.properties()).run(context -> {
                Crm alice = context.getBean(Crm.class).as(ALICE);
                TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                List<LeadCaptured> published = new CopyOnWriteArrayList<>();
                alice.events().subscribe(LeadCaptured.class, published::add);

                LeadId rolledBack = transaction.execute(status -> {
                    jdbc.update("INSERT INTO host_order (id) VALUES (1)");
                    LeadId id = alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
                    status.setRollbackOnly();
                    return id;
                });
                assertThat(published).as("nothing is published for a rolled-back transaction").isEmpty();
                assertThatThrownBy(() -> alice.leads().get(rolledBack)).isInstanceOf(NotFoundException.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM host_order", Integer.class)).isZero();

                LeadId committed = transaction.execute(status -> {
                    jdbc.update("INSERT INTO host_order (id) VALUES (2)");
                    LeadId id = alice.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
                    assertThat(published).as("not before the host's commit").isEmpty();
                    return id;
                });
                assertThat(published).extracting(e -> e.lead().id()).containsExactly(committed);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM host_order", Integer.class)).isEqualTo(1);
            });
        }
    }

    @Test
    void settingsComeFromApplicationProperties() {
        app.withPropertyValues("crmkit.assignment.default-team.name=inbound",
                        "crmkit.assignment.default-team.members=bob,carol",
                        "crmkit.service.tracking-prefix=HELP", "crmkit.service.reopen-window=3d",
                        "crmkit.quotes.approval-threshold-percent=25")
                .run(context -> {
                    Crm alice = context.getBean(Crm.class).as(ALICE);
                    // Captured by the system (as from an integration): a rep's own captures stay theirs.
                    Crm system = alice.as(new Actor(ALICE.tenant(), UserId.SYSTEM, Set.of(Actor.MANAGER)));
                    LeadId first = system.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
                    LeadId second = system.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
                    // (read as the system: alice sees only her own leads and unassigned ones)
                    assertThat(List.of(system.leads().get(first).owner(), system.leads().get(second).owner()))
                            .containsExactlyInAnyOrder(UserId.of("bob"), UserId.of("carol"));

                    var account = alice.accounts().create(AccountDetails.named("Analytical Ltd"));
                    var contact = alice.contacts().create(ContactDetails.of(account, "Ada", "Lovelace",
                            "ada@example.com"));
                    assertThat(alice.cases().open(NewCase.from(contact, Channel.PHONE, "Engine jams"))
                            .trackingNumber()).startsWith("HELP-");
                });
    }

    @Test
    void quoteApprovalThresholdIsBoundFromProperties() {
        CrmProperties properties = new CrmProperties(null, null, null, null,
                new CrmProperties.Quotes(new BigDecimal("25")), null, null);
        assertThat(new CrmSettings(properties).all()).containsExactly(new QuotePolicy(new BigDecimal("25")));
    }

    @Test
    void aBadSettingFailsTheStartNamingTheProperty() {
        assertStartFailsOn("crmkit.service.tracking-prefix", "crmkit.service.tracking-prefix=cs!");
        assertStartFailsOn("crmkit.quotes.approval-threshold-percent", "crmkit.quotes.approval-threshold-percent=150");
        assertStartFailsOn("crmkit.duplicates.almost-certain", "crmkit.duplicates.possible=20",
                "crmkit.duplicates.almost-certain=10");
        assertStartFailsOn("crmkit.assignment.default-team.members", "crmkit.assignment.default-team.name=inbound");
        assertStartFailsOn("crmkit.assignment.territories[0].country",
                "crmkit.assignment.territories[0].country=Germany",
                "crmkit.assignment.territories[0].team.name=de", "crmkit.assignment.territories[0].team.members=bob");
        assertStartFailsOn("crmkit.scheduling.lease-term", "crmkit.scheduling.enabled=true",
                "crmkit.scheduling.interval=5m", "crmkit.scheduling.lease-term=1m");
        assertStartFailsOn("crmkit.scheduling.interval", "crmkit.scheduling.enabled=true",
                "crmkit.scheduling.interval=0s");
    }

    private void assertStartFailsOn(String property, String... values) {
        app.withPropertyValues(values).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("start-up failure of %s", List.of(values))
                    .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
                            e -> assertThat(e.getName()).isEqualTo(property));
        });
    }

    @Test
    void aSettingDeclaredAsABeanIsUsedAndTheApplicationsOwnCrmWins() {
        app.withBean(QuotePolicy.class, () -> new QuotePolicy(new BigDecimal("40"))).run(context ->
                assertThat(context).hasSingleBean(Crm.class));
        Crm own = Crm.inMemory();
        app.withBean(Crm.class, () -> own).run(context -> assertThat(context.getBean(Crm.class)).isSameAs(own));
    }

    @Test
    void theApplicationsObjectMapperWritesAndReadsCrmValues() {
        app.run(context -> {
            ObjectMapper json = context.getBean(ObjectMapper.class);
            Money price = Money.of("1999.99", "GBP");
            String written = json.writeValueAsString(price);
            assertThat(json.readTree(written).get("amount").asText()).isEqualTo("1999.99");
            assertThat(json.readTree(written).get("currency").asText()).isEqualTo("GBP");
            assertThat(json.readValue(written, Money.class)).isEqualTo(price);
            LeadId id = LeadId.of(java.util.UUID.randomUUID());
            assertThat(json.writeValueAsString(id)).isEqualTo("\"" + id + "\"");
        });
    }

    @Test
    void metersCountCapturesTouchpointsAndReportCacheHits() {
        app.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(CrmMetrics.class).bindTo(registry);
            Crm alice = context.getBean(Crm.class).as(ALICE);
            alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            alice.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
            assertThat(registry.get("crmkit.leads.captured").counter().count()).isEqualTo(2);

            ReportService reports = context.getBean(ReportService.class).as(ALICE);
            reports.run(dev.crmkit.reporting.StandardReports.adPerformance());
            reports.run(dev.crmkit.reporting.StandardReports.adPerformance());
            assertThat(registry.get("crmkit.reports.cache").tag("result", "hit").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("crmkit.outbox.lag").gauge().value()).isZero();
        });
    }

    @Test
    void healthIsUpWhileEventsLeaveAndDownWhenTheyWaitTooLong() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        app.withBean(Clock.class, () -> clock).withPropertyValues("crmkit.health.max-outbox-lag=10m").run(context -> {
            HealthIndicator health = context.getBean("crmkitHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            Crm crm = context.getBean(Crm.class);
            crm.events().register(dev.crmkit.core.context.EventSubscriber.of("mailer", LeadCaptured.class, e -> { }));
            crm.as(new Actor(ALICE.tenant(), ALICE.user(), Set.of(Actor.MANAGER)))
                    .leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
            clock.advance(java.time.Duration.ofMinutes(11));
            assertThat(health.health().getStatus()).as("an event waited 11 minutes").isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("outboxLagSeconds", 660L);

            crm.events().dispatchDue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        });
    }
}
