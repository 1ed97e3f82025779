package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.atomikos.icatch.jta.TransactionSynchronizationRegistryImp;
import com.atomikos.icatch.jta.UserTransactionManager;
import com.atomikos.jdbc.AtomikosDataSourceBean;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.EventEnvelope;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.EventRecorder;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CRMKit inside JTA transactions of a real transaction manager (Atomikos) with an enlisting XA data source over H2,
 * as an application server would give it: events exist only if the JTA transaction commits.
 */
class JtaHostTransactionTest {
    private static UserTransactionManager jta;
    private static AtomikosDataSourceBean dataSource;
    private static JpaStorage storage;

    private final TenantId tenant = TenantId.of("jta-" + UUID.randomUUID().toString().substring(0, 8));
    private final EventRecorder delivered = new EventRecorder("jta", tenant);
    private final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTransactionManager() throws Exception {
        jta = new UserTransactionManager();
        jta.init();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jta-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        dataSource = new AtomikosDataSourceBean();
        dataSource.setUniqueResourceName("crm-" + UUID.randomUUID());
        dataSource.setXaDataSource(h2);
        dataSource.setMaxPoolSize(8);
        dataSource.setLocalTransactionMode(true); // migrations and dispatch run outside JTA transactions
        storage = JpaStorage.create(dataSource, JtaTransactions.of(new TransactionSynchronizationRegistryImp()));
    }

    @AfterAll
    static void stop() {
        storage.close();
        dataSource.close();
        jta.close();
    }

    private Crm crm() {
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("rep-1"), Set.of(Actor.MANAGER)))
                .build();
        crm.events().subscribe(LeadEvent.class, heard::add);
        crm.events().register(delivered);
        return crm;
    }

    @Test
    void aJtaRollbackLeavesNoLeadAndNoEvent() throws Exception {
        Crm crm = crm();
        jta.begin();
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        jta.rollback();

        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(lead))).isEmpty();
        assertThat(heard).isEmpty();
        crm.events().dispatchDue();
        assertThat(delivered.got).isEmpty();
    }

    @Test
    void aJtaCommitPublishesEveryEventOnceInOrderAfterTheCommit() throws Exception {
        Crm crm = crm();
        jta.begin();
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        crm.leads().assign(lead, UserId.of("alice"));
        assertThat(heard).as("nothing before the commit").isEmpty();
        jta.commit();

        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().get(lead)).owner()).isEqualTo(UserId.of("alice"));
        assertThat(heard).extracting(e -> e.getClass().getSimpleName()).containsExactly("LeadCaptured", "LeadAssigned");
        crm.events().dispatchDue();
        crm.events().dispatchDue();
        assertThat(delivered.got).extracting(EventEnvelope::type).containsExactly("LeadCaptured", "LeadAssigned");
    }
}
