package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.lead.LeadEvent.LeadAssigned;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.EventRecorder;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CRMKit inside a host's Spring transactions, with Spring's own {@code DataSourceTransactionManager} over a real
 * database: writes join the host's transaction, and events (to listeners and into the outbox) exist only if the host
 * commits.
 */
@EachDatabase
class SpringHostTransactionTest {
    @Parameter
    TestDatabase database;

    private JpaStorage storage;
    private Crm crm;
    private TransactionTemplate host;
    private EventRecorder delivered;
    private final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void embedInASpringHost() {
        host = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        storage = JpaStorage.create(new TransactionAwareDataSourceProxy(database.dataSource()),
                SpringTransactions.create());
        TenantId tenant = TenantId.of("spring-" + UUID.randomUUID().toString().substring(0, 8));
        delivered = new EventRecorder("spring", tenant);
        crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("rep-1"), Set.of(Actor.MANAGER)))
                .build();
        crm.events().subscribe(LeadEvent.class, heard::add);
        crm.events().register(delivered);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private LeadId capture(String email) {
        return crm.leads().capture(NewLead.of("Ada", "Lovelace", email));
    }

    @Test
    void aRollbackLeavesNoLeadNoEventAndNothingToDeliver() {
        LeadId lead = host.execute(status -> {
            LeadId id = capture("ada@example.com");
            assertThat(crm.leads().get(id)).as("visible inside the host's transaction").isNotNull();
            status.setRollbackOnly();
            return id;
        });

        assertThat(storage.read(crm.actor().tenant(), (StorageTx tx) -> tx.leads().find(lead))).isEmpty();
        assertThat(heard).isEmpty();
        crm.events().dispatchDue();
        assertThat(delivered.got).isEmpty();
    }

    @Test
    void aCommitPublishesEveryEventOnceInOrderAfterTheHostCommitted() {
        LeadId[] ids = host.execute(status -> {
            LeadId a = capture("ada@example.com");
            LeadId b = capture("grace@example.com");
            crm.leads().assign(a, UserId.of("alice"));
            assertThat(heard).as("nothing before the host commits").isEmpty();
            return new LeadId[] {a, b};
        });

        assertThat(heard).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LeadCaptured", "LeadCaptured", "LeadAssigned");
        assertThat(((LeadCaptured) heard.get(0)).lead().id()).isEqualTo(ids[0]);
        assertThat(((LeadCaptured) heard.get(1)).lead().id()).isEqualTo(ids[1]);
        crm.events().dispatchDue();
        assertThat(delivered.got).extracting(EventEnvelope::type)
                .containsExactly("LeadCaptured", "LeadCaptured", "LeadAssigned");
        assertThat(delivered.events()).isEqualTo(heard);
        crm.events().dispatchDue();
        assertThat(delivered.got).as("once").hasSize(3);
    }

    @Test
    void aFailingCrmCallRollsBackTheHostAndItsEarlierEvents() {
        assertThatThrownBy(() -> host.executeWithoutResult(status -> {
            capture("ada@example.com");
            capture("not an email");
        })).isInstanceOf(ValidationException.class);

        assertThat(heard).isEmpty();
        crm.events().dispatchDue();
        assertThat(delivered.got).isEmpty();
    }

    @Test
    void aListenerThatWritesAfterTheCommitRunsInATransactionOfItsOwn() {
        crm.events().subscribe(LeadCaptured.class, e -> crm.leads().assign(e.lead().id(), UserId.of("bob")));

        LeadId lead = host.execute(status -> capture("ada@example.com"));

        assertThat(DatabaseReads.owner(database.storage(), crm.actor().tenant(), lead)).isEqualTo(UserId.of("bob"));
        assertThat(heard).hasAtLeastOneElementOfType(LeadAssigned.class);
        crm.events().dispatchDue();
        assertThat(delivered.got).extracting(EventEnvelope::type).containsExactly("LeadCaptured", "LeadAssigned");
    }

    /** Reads through another storage instance, so nothing of the host's connection is involved. */
    private static final class DatabaseReads {
        static UserId owner(JpaStorage other, TenantId tenant, LeadId lead) {
            return other.read(tenant, tx -> tx.leads().get(lead)).owner();
        }
    }
}
