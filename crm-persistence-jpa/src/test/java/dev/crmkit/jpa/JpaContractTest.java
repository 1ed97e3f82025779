package dev.crmkit.jpa;

import dev.crmkit.core.contract.AccountTeamContract;
import dev.crmkit.core.contract.AccountVisibilityContract;
import dev.crmkit.core.contract.AgentViewContract;
import dev.crmkit.core.contract.AuditContract;
import dev.crmkit.core.contract.AutomationContract;
import dev.crmkit.core.contract.CalendarContract;
import dev.crmkit.core.contract.CaseContract;
import dev.crmkit.core.contract.ConcurrentUpdateContract;
import dev.crmkit.core.contract.ConsentContract;
import dev.crmkit.core.contract.ContactManagementContract;
import dev.crmkit.core.contract.CustomerServiceContract;
import dev.crmkit.core.contract.DocumentContract;
import dev.crmkit.core.contract.EmailContract;
import dev.crmkit.core.contract.ErasureContract;
import dev.crmkit.core.contract.EventDeliveryContract;
import dev.crmkit.core.contract.ForecastContract;
import dev.crmkit.core.contract.GeolocationContract;
import dev.crmkit.core.contract.HostileInputContract;
import dev.crmkit.core.contract.IdOrderContract;
import dev.crmkit.core.contract.ImportContract;
import dev.crmkit.core.contract.InputBoundsContract;
import dev.crmkit.core.contract.InteractionContract;
import dev.crmkit.core.contract.KnowledgeBaseContract;
import dev.crmkit.core.contract.LeadCaptureContract;
import dev.crmkit.core.contract.LeadLifecycleContract;
import dev.crmkit.core.contract.LeaseContract;
import dev.crmkit.core.contract.MatchingQualityContract;
import dev.crmkit.core.contract.NurtureContract;
import dev.crmkit.core.contract.OpportunityContract;
import dev.crmkit.core.contract.PersonalDataContract;
import dev.crmkit.core.contract.ProductCatalogContract;
import dev.crmkit.core.contract.QuoteOrderContract;
import dev.crmkit.core.contract.SegmentContract;
import dev.crmkit.core.contract.ServiceFlowContract;
import dev.crmkit.core.contract.SharingContract;
import dev.crmkit.core.contract.StorageContract;
import dev.crmkit.core.contract.TaskContract;
import dev.crmkit.core.contract.TextLimitsContract;
import dev.crmkit.core.contract.TrackingServiceContract;
import dev.crmkit.core.contract.WebhookContract;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.reporting.ReportExecutor;
import dev.crmkit.reporting.contract.HostileReportContract;
import dev.crmkit.reporting.contract.ReportVisibilityContract;
import dev.crmkit.reporting.contract.ReportingContract;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every contract suite of crm-core, unchanged, on every database; a new suite gets a nested class here. */
@EachDatabase
class JpaContractTest {
    @Parameter
    TestDatabase database;

    @Nested
    class StorageTests extends StorageContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class IdOrderTests extends IdOrderContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class TrackingServiceTests extends TrackingServiceContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class CustomerServiceTests extends CustomerServiceContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ContactManagementTests extends ContactManagementContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class LeadCaptureTests extends LeadCaptureContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class LeadLifecycleTests extends LeadLifecycleContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class OpportunityTests extends OpportunityContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ForecastTests extends ForecastContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ProductCatalogTests extends ProductCatalogContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class QuoteOrderTests extends QuoteOrderContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class AccountTeamTests extends AccountTeamContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class SalesParityTests extends SalesParity {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class TextLimitTests extends TextLimitsContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class InputBoundsTests extends InputBoundsContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ColumnWidthTests extends ColumnWidths {
        @Override
        protected TestDatabase database() {
            return database;
        }
    }

    /** The whole FEBRL set on H2; on the servers the first 1,000 people (2,000 leads), to keep the build short. */
    @Nested
    class MatchingQualityTests extends MatchingQualityContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected int people() {
            return database.kind() == TestDatabase.Kind.H2 ? super.people() : 1_000;
        }

        /** FEBRL 1 (1,000 records) on every database; 2 and 3 (5,000 records each) run in memory. */
        @Override
        protected List<Integer> otherDataSets() {
            return List.of(1);
        }
    }

    @Nested
    class SalesIndexTests extends SalesIndexes {
        @Override
        protected TestDatabase database() {
            return database;
        }
    }

    @Nested
    class HostileInputTests extends HostileInputContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class TaskTests extends TaskContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class CalendarTests extends CalendarContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class SegmentTests extends SegmentContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class TaskIndexTests extends TaskIndexes {
        @Override
        protected TestDatabase database() {
            return database;
        }
    }

    @Nested
    class SegmentValueTests extends SegmentValues {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class CaseTests extends CaseContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class KnowledgeBaseTests extends KnowledgeBaseContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class AgentViewTests extends AgentViewContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ServiceFlowTests extends ServiceFlowContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ArticleSearchTests extends ArticleSearchEquivalence {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ServiceParityTests extends ServiceParity {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ServiceIndexTests extends ServiceIndexes {
        @Override
        protected TestDatabase database() {
            return database;
        }
    }

    @Nested
    class ConcurrentUpdateTests extends ConcurrentUpdateContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ReportingTests extends ReportingContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected ReportExecutor executor() {
            return new JpaReportExecutor();
        }
    }

    @Nested
    class ReportVisibilityTests extends ReportVisibilityContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected ReportExecutor executor() {
            return new JpaReportExecutor();
        }
    }

    @Nested
    class HostileReportTests extends HostileReportContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected ReportExecutor executor() {
            return new JpaReportExecutor();
        }
    }

    @Nested
    class EventDeliveryTests extends EventDeliveryContract {
        private final SecondNode secondNode = new SecondNode();

        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected Storage secondNode() {
            return secondNode.storage();
        }

        @AfterEach
        void stopSecondNode() {
            secondNode.close();
        }
    }

    @Nested
    class LeaseTests extends LeaseContract {
        private final SecondNode secondNode = new SecondNode();

        @Override
        protected Storage storage() {
            return database.storage();
        }

        @Override
        protected Storage secondNode() {
            return secondNode.storage();
        }

        @AfterEach
        void stopSecondNode() {
            secondNode.close();
        }
    }

    /** Its own session factory and connections over this run's schema: another application node, opened lazily. */
    private final class SecondNode {
        private JpaStorage storage;

        Storage storage() {
            if (storage == null) {
                storage = JpaStorage.create(database.dataSource());
            }
            return storage;
        }

        void close() {
            if (storage != null) {
                storage.close();
                storage = null;
            }
        }
    }

    @Nested
    class DocumentTests extends DocumentContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class InteractionTests extends InteractionContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class SharingTests extends SharingContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class AccountVisibilityTests extends AccountVisibilityContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ErasureTests extends ErasureContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ConsentTests extends ConsentContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class AuditTests extends AuditContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class ImportTests extends ImportContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class PersonalDataTests extends PersonalDataContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }
    }

    @Nested
    class NurtureTests extends NurtureContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a person's open enrollment     | crm_nurture_enrollment | tenant_id open_key    | true
                a person's enrollments         | crm_nurture_enrollment | tenant_id lead_id     | false
                a sequence's enrollments       | crm_nurture_enrollment | tenant_id sequence_id | false
                the enrollments due            | crm_nurture_enrollment | tenant_id due_at      | false
                """)
        void nurtureLookupsAreBackedByAnIndex(String lookup, String table, String columns, boolean unique)
                throws SQLException {
            TableIndexes.assertBacked(database, lookup, table, columns, unique);
        }
    }

    @Nested
    class GeolocationTests extends GeolocationContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                leads near a place    | crm_lead    | tenant_id address_latitude address_longitude | false
                contacts near a place | crm_contact | tenant_id address_latitude address_longitude | false
                accounts near a place | crm_account | tenant_id address_latitude address_longitude | false
                """)
        void radiusQueriesAreBackedByAnIndex(String lookup, String table, String columns, boolean unique)
                throws SQLException {
            TableIndexes.assertBacked(database, lookup, table, columns, unique);
        }
    }

    @Nested
    class AutomationTests extends AutomationContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a rule's run for a trigger       | crm_automation_run   | tenant_id origin_event_id rule_id record_id | true
                a rule's runs                    | crm_automation_run   | tenant_id rule_id ran_at         | false
                the runs on a record             | crm_automation_run   | tenant_id record_id ran_at       | false
                an event's chain                 | crm_automation_chain | tenant_id event_id               | true
                the delayed runs due             | crm_automation_due   | tenant_id due_at                 | false
                a rule's delayed run on a record | crm_automation_due   | tenant_id rule_id record_id origin_event_id | true
                """)
        void automationLookupsAreBackedByAnIndex(String lookup, String table, String columns, boolean unique)
                throws SQLException {
            TableIndexes.assertBacked(database, lookup, table, columns, unique);
        }
    }


    @Nested
    class EmailTests extends EmailContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a recipient by address          | crm_email_recipient      | tenant_id email            | true
                the suppression list            | crm_email_recipient      | tenant_id suppressed_at    | false
                an address's consent log        | crm_email_consent_change | tenant_id email changed_at | false
                an address's sends (weekly cap) | crm_email_sent           | tenant_id to_address sent_at | false
                the held emails that are due    | crm_email_sent           | tenant_id status due_at    | false
                """)
        void emailLookupsAreBackedByAnIndex(String lookup, String table, String columns, boolean unique)
                throws SQLException {
            TableIndexes.assertBacked(database, lookup, table, columns, unique);
        }
    }

    @Nested
    class WebhookTests extends WebhookContract {
        @Override
        protected Storage storage() {
            return database.storage();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a tenant's endpoints            | crm_webhook          | tenant_id id                     | true
                an event's delivery records     | crm_webhook_delivery | tenant_id event_id endpoint_id   | true
                an endpoint's delivery records  | crm_webhook_delivery | tenant_id endpoint_id last_attempt_at | false
                """)
        void webhookLookupsAreBackedByAnIndex(String lookup, String table, String columns, boolean unique)
                throws SQLException {
            TableIndexes.assertBacked(database, lookup, table, columns, unique);
        }
    }
}
