package dev.crmkit.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.automation.AutomationSettings;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.context.DeliveryPolicy;
import dev.crmkit.core.email.EmailSender;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.DuplicateRules;
import dev.crmkit.core.lead.ScoringRules;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.sales.QuotePolicy;
import dev.crmkit.core.sales.QuoteSender;
import dev.crmkit.core.sales.SalesStages;
import dev.crmkit.core.service.ServiceSettings;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.webhook.WebhookSettings;
import dev.crmkit.jackson.CrmKitModule;
import dev.crmkit.jpa.JpaReportExecutor;
import dev.crmkit.jpa.JpaStorage;
import dev.crmkit.jpa.SpringTransactions;
import dev.crmkit.reporting.ReportService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Auto-configures CRMKit: a {@link Crm} on the application's {@link DataSource} (the JPA adapter, its schema migrated
 * at start-up, joining Spring-managed transactions so that events leave after Spring committed), or in memory when
 * the application has no data source; settings from {@code crmkit.*} ({@link CrmProperties}) and from beans of the
 * settings' and host ports' types; a {@link ReportService}; the Jackson module; scheduled work on one node; Micrometer
 * meters and a health indicator when those libraries are present. Every bean backs off when the application declares
 * its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(CrmProperties.class)
public class CrmAutoConfiguration {
    /** Settings and host ports an application may declare as beans; each is handed to the builder when unique. */
    private static final List<Class<?>> SETTING_BEANS = List.of(AssignmentRules.class, AutomationSettings.class,
            DeliveryPolicy.class, DuplicateRules.class, EmailSender.class, EmailSettings.class, Geocoder.class,
            Notifier.class, QuotePolicy.class, QuoteSender.class, SalesStages.class, ScoringRules.class,
            ServiceSettings.class, WebhookSettings.class);

    /** Storage in the application's database, joining its Spring transactions. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JpaStorageConfiguration {
        // Closed by the Crm bean, which owns it. Migrated after the application's own Flyway or Liquibase ran: they
        // refuse a schema that holds tables but no history of theirs, which CRMKit's tables would be.
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean(Storage.class)
        @DependsOnDatabaseInitialization
        Storage crmStorage(DataSource dataSource) {
            return JpaStorage.create(new TransactionAwareDataSourceProxy(dataSource), SpringTransactions.create());
        }
    }

    /** Storage in memory, for an application without a database (demos, tests). */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean({Storage.class, DataSource.class})
    Storage crmMemoryStorage() {
        return InMemoryStorage.create();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock crmClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Crm crm(Storage storage, Clock clock, CrmProperties properties, ApplicationContext context,
            ObjectProvider<CrmBuilderCustomizer> customizers) {
        Crm.Builder builder = Crm.builder().storage(storage).clock(clock);
        new CrmSettings(properties).all().forEach(builder::with);
        for (Class<?> type : SETTING_BEANS) {
            context.getBeanProvider(type).ifUnique(builder::with);
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReportService crmReportService(Crm crm, Storage storage) {
        ReportService.Builder builder = ReportService.builder(crm);
        if (storage instanceof JpaStorage) {
            builder.executor(new JpaReportExecutor());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "crmkit.scheduling", name = "enabled", matchIfMissing = true)
    @ConditionalOnMissingBean
    CrmScheduler crmScheduler(Crm crm, Storage storage, Clock clock, CrmProperties properties,
                              ObjectProvider<EmailSettings> email) {
        CrmSettings settings = new CrmSettings(properties);
        // Held emails are sent only where email is configured (an EmailSettings bean); elsewhere there are none.
        return new CrmScheduler(crm, storage.leases(), clock, settings.tenants(), settings.interval(),
                settings.dispatchInterval(), settings.leaseTerm(), email.getIfUnique() != null);
    }

    /** Ids as strings, {@code Money} as amount and currency, every record and event readable back. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObjectMapper.class)
    static class JacksonConfiguration {
        @Bean
        @ConditionalOnMissingBean
        CrmKitModule crmKitJacksonModule() {
            return new CrmKitModule();
        }
    }

    /** Meters, bound to every registry by Spring Boot's metrics support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        CrmMetrics crmMetrics(Crm crm, ObjectProvider<ReportService> reports, Clock clock) {
            return new CrmMetrics(crm, reports.getIfUnique(), clock);
        }
    }

    /** The {@code crmkit} health component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "crmkitHealthIndicator")
        HealthIndicator crmkitHealthIndicator(Crm crm, Clock clock, CrmProperties properties) {
            return new CrmHealthIndicator(crm, clock, new CrmSettings(properties).maxOutboxLag());
        }
    }
}
