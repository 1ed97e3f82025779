package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.spi.HostTransactions;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportSettings;
import dev.crmkit.core.transfer.ImportTarget;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining a transaction the host runs, with a stand-in for a transaction-aware data source (as Spring's
 * {@code TransactionAwareDataSourceProxy}): while the host's transaction is open it hands out that transaction's
 * connection to the thread that began it, and closing it does not end anything.
 */
class HostTransactionTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.H2);

    private final TenantId tenant = TenantId.of("host-" + UUID.randomUUID().toString().substring(0, 8));
    private static Connection hostTransaction;
    /** The thread that began the host transaction: like Spring's, it is bound to that thread. */
    private static Thread hostThread;
    private static final List<Consumer<Boolean>> completions = new ArrayList<>();
    private static JpaStorage storage;

    @BeforeAll
    static void open() {
        storage = JpaStorage.create(new TransactionAwareDataSource(), new HostTransactions() {
            @Override
            public boolean active() {
                return hostTransaction != null && Thread.currentThread() == hostThread;
            }

            @Override
            public void onCompletion(Consumer<Boolean> completion) {
                completions.add(completion);
            }
        });
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @AfterEach
    void endHostTransaction() throws SQLException {
        if (hostTransaction != null) {
            hostTransaction.close();
            hostTransaction = null;
        }
    }

    @Test
    void writesJoinTheHostTransactionAndAreUndoneByItsRollback() throws SQLException {
        beginHostTransaction();
        Lead lead = storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()),
                "ada@example.com")));
        // The host's own statements see the write: one transaction, one connection.
        assertThat(countLeadsOnHostConnection(lead.id())).isEqualTo(1);
        rollbackHostTransaction();

        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(lead.id()))).isEmpty();
    }

    @Test
    void writesCommitWithTheHostTransactionOnly() throws SQLException {
        beginHostTransaction();
        Lead lead = storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()),
                "ada@example.com")));
        Lead seenByAnotherConnection = DATABASE.storage().read(tenant, tx -> tx.leads().find(lead.id()))
                .orElse(null);
        assertThat(seenByAnotherConnection).isNull();
        hostTransaction.commit();
        hostTransaction.close();
        hostTransaction = null;
        completions.forEach(c -> c.accept(true));
        completions.clear();

        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(lead.id()))).contains(lead);
    }

    @Test
    void aFailureInsideTheHostTransactionPropagatesSoTheHostRollsBack() throws SQLException {
        beginHostTransaction();
        LeadId id = LeadId.of(UUID.randomUUID());
        assertThatThrownBy(() -> storage.write(tenant, tx -> {
            tx.leads().save(Samples.lead(id, "ada@example.com"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        rollbackHostTransaction();
        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(id))).isEmpty();
    }

    @Test
    void withoutAHostTransactionTheStorageRunsItsOwn() {
        Lead lead = storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()),
                "ada@example.com")));
        assertThat(DATABASE.storage().read(tenant, (StorageTx tx) -> tx.leads().find(lead.id()))).contains(lead);
    }

    @Test
    void anImportOfManyBatchesStaysInTheHostTransactionAndGoesWithItsRollback() throws SQLException {
        Crm crm = Crm.builder().storage(storage).actor(new Actor(tenant, UserId.of("rep-1"), Set.of(Actor.ADMIN)))
                .with(new ImportSettings(1 << 20, 1000, 2)).build();
        String file = "First name,Last name,Email\nAda,Lovelace,ada@example.com\nGrace,Hopper,grace@example.com\n"
                + "Alan,Turing,alan@example.com\nEdsger,Dijkstra,edsger@example.com\nBarbara,Liskov,b@example.com\n";
        beginHostTransaction();

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD),
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        // Every batch wrote on the host's connection (another thread's writes would have committed on their own).
        assertThat(result.created()).isEqualTo(5);
        long seenByAnotherConnection = DATABASE.storage().read(tenant, (StorageTx tx) -> tx.leads()
                .search(LeadQuery.all(), PageRequest.first(10)).total());
        assertThat(seenByAnotherConnection).isZero();
        rollbackHostTransaction();

        long afterRollback = storage.read(tenant, (StorageTx tx) -> tx.leads()
                .search(LeadQuery.all(), PageRequest.first(10)).total());
        assertThat(afterRollback).isZero();
    }

    private static void beginHostTransaction() throws SQLException {
        hostTransaction = DATABASE.dataSource().getConnection();
        hostTransaction.setAutoCommit(false);
        hostThread = Thread.currentThread();
    }

    private static void rollbackHostTransaction() throws SQLException {
        hostTransaction.rollback();
        hostTransaction.close();
        hostTransaction = null;
        completions.forEach(c -> c.accept(false));
        completions.clear();
    }

    private int countLeadsOnHostConnection(LeadId id) throws SQLException {
        try (PreparedStatement ps = hostTransaction.prepareStatement(
                "SELECT COUNT(*) FROM crm_lead WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The host's transaction connection while one is open (closing it is a no-op), else a pooled one. */
    private static final class TransactionAwareDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            if (hostTransaction == null || Thread.currentThread() != hostThread) {
                return DATABASE.dataSource().getConnection();
            }
            Connection bound = hostTransaction;
            return (Connection) Proxy.newProxyInstance(HostTransactionTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(bound, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
