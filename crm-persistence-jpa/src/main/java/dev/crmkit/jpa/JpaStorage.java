package dev.crmkit.jpa;

import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.spi.AfterCommit;
import dev.crmkit.core.spi.HostTransactions;
import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Durable storage in a relational database through Hibernate 6: H2 (embedded), PostgreSQL or MariaDB. Creating
 * it migrates the schema (Flyway, history table {@code crmkit_schema_history}, so a host's own migrations are left
 * alone); no persistence.xml and no hbm2ddl. Thread-safe; each {@code read}/{@code write} is one database
 * transaction on a connection from the data source, and nested calls on the same thread and tenant join it.
 *
 * <p>Nodes may start at once: creating a storage migrates under a database lock for its schema (PostgreSQL: an
 * advisory lock; MariaDB: {@code GET_LOCK}; H2: a row of the table {@code crm_migration_lock}), held on one more pooled
 * connection while it migrates, so the others wait (up to 10 minutes) and then find the schema current. It refuses to
 * start, with {@link SchemaException} naming the migration version and what to do, on a schema that a newer CRMKit
 * migrated, one whose history records a failed migration, and one with an applied migration that differs from this
 * jar's (checksum).
 *
 * <p>Touchpoints whose external event id is already stored are found by the unique constraint rejecting them
 * (then skipped, as the contract asks); the adapter handles that rejection on the JDBC connection, out of
 * Hibernate's sight, so it logs nothing. On MariaDB the insert skips them itself ({@code INSERT IGNORE}), so its
 * driver, which logs each rejected statement at WARN through {@code org.mariadb.jdbc.message.server.ErrorPacket}
 * (a logger hosts on MariaDB may want to quiet), has no rejection to log either. Other duplicate keys (a record
 * saved twice) are errors the caller sees, and Hibernate logs them through
 * {@code org.hibernate.engine.jdbc.spi.SqlExceptionHelper}.
 */
public final class JpaStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStorage.class);
    /** Rows per JDBC batch; touchpoint ingestion is the bulk writer. */
    static final int BATCH_SIZE = 1000;
    /** The core entities, then one constant per group of aggregates mapped later (one line each). */
    private static final List<Class<?>> ENTITIES = Stream.of(List.<Class<?>>of(LeadEntity.class,
                    LeadVisitorRow.class, LeadTagRow.class, ShareRow.class, AccountEntity.class, ContactEntity.class,
                    ContactTagRow.class, PurchaseEntity.class, FeedbackEntity.class, CampaignEntity.class,
                    AdEntity.class, AffiliateEntity.class, TouchpointEntity.class),
            SalesMapping.ENTITIES,
            TaskMapping.ENTITIES,
            ServiceMapping.ENTITIES,
            WebhookMapping.ENTITIES,
            EmailMapping.ENTITIES,
            NurtureMapping.ENTITIES,
            AutomationMapping.ENTITIES,
            List.<Class<?>>of(LeadMatchKeyRow.class, ContactMatchKeyRow.class, AccountMatchKeyRow.class))
            .flatMap(List::stream).toList();

    private final SessionFactory sessions;
    private final Database database;
    private final DataSource dataSource;
    private final HostTransactions host;
    private final JpaOutbox outbox;
    private final JpaLeases leases;
    private final JpaDocumentStore documents;
    private final BulkStatistics statistics;
    private final Runnable onClose;
    private final ThreadLocal<JpaTx> current = new ThreadLocal<>();

    private JpaStorage(DataSource dataSource, HostTransactions host, Runnable onClose) {
        this.dataSource = dataSource;
        this.host = host;
        this.onClose = onClose;
        Database.Detected db = Database.detect(dataSource);
        this.database = db.database();
        String schemaVersion = Migrations.migrate(dataSource, db.database());
        DataSource redacting = RedactingJdbc.wrap(dataSource);
        this.sessions = sessionFactory(redacting);
        this.outbox = new JpaOutbox(redacting, database, host);
        this.leases = new JpaLeases(redacting, database, host);
        this.documents = new JpaDocumentStore(redacting, host);
        this.statistics = new BulkStatistics(database, redacting);
        LOG.info("CRMKit JPA storage on {}: schema version {}", db.product(), schemaVersion);
    }

    /**
     * Storage in the host's database: migrates the schema of {@code dataSource}'s default schema (PostgreSQL: the
     * connection's current schema; MariaDB: its database) to the current version. The host owns and closes the data
     * source, which should pool connections; for PostgreSQL, {@code reWriteBatchedInserts=true} speeds up ingestion.
     */
    public static JpaStorage create(DataSource dataSource) {
        return create(dataSource, HostTransactions.none());
    }

    /**
     * As {@link #create(DataSource)}, but joining the host's own transaction whenever {@code host} says one is
     * active ({@link SpringTransactions}, {@link JtaTransactions}): the work then runs on the connection
     * {@code dataSource} hands out for that transaction (a transaction-aware data source, as Spring's
     * {@code TransactionAwareDataSourceProxy} or a JTA container's), and the host commits or rolls it back; a failure
     * propagates, so the host rolls back. Events of such work are stored in the host's transaction and published to
     * listeners only after the host committed, never after a rollback. Otherwise the storage runs its own transaction.
     */
    public static JpaStorage create(DataSource dataSource, HostTransactions host) {
        return new JpaStorage(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(host, "host"),
                () -> {
                });
    }

    /**
     * Storage in an H2 database file at {@code file} (H2 adds {@code .mv.db}), created and migrated on first use;
     * {@link #close()} closes it.
     */
    public static JpaStorage embeddedH2(Path file) {
        String base = file.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base, "sa", "");
        try {
            return new JpaStorage(pool, HostTransactions.none(), pool::dispose);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    @Override
    public <T> T read(TenantId tenant, Function<StorageTx, T> work) {
        return inTransaction(tenant, true, work);
    }

    @Override
    public <T> T write(TenantId tenant, Function<StorageTx, T> work) {
        return inTransaction(tenant, false, work);
    }

    @Override
    public boolean joinsCallerTransaction() {
        return current.get() != null || host.active();
    }

    /**
     * The repair operations for records whose rows no longer load ({@link RecordRepair}): list them per tenant, reset
     * a broken column or delete the record. For an administrator; they write outside any host transaction.
     */
    public RecordRepair repair() {
        return new RecordRepair(this, RedactingJdbc.wrap(dataSource), database);
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public Leases leases() {
        return leases;
    }

    /** Documents' bytes in this database, in chunks, streamed ({@code crm_document_chunk}). */
    @Override
    public DocumentStore documentStore() {
        return documents;
    }

    @Override
    public void close() {
        sessions.close();
        onClose.run();
    }

    private <T> T inTransaction(TenantId tenant, boolean readOnly, Function<StorageTx, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        JpaTx outer = current.get();
        if (outer != null && outer.tenant().equals(tenant)) {
            if (outer.readOnly() && !readOnly) {
                throw new IllegalStateException("cannot start a write transaction inside a read transaction");
            }
            return work.apply(outer);
        }
        if (host.active()) {
            return transaction(tenant, readOnly, work, outer, hostConnection());
        }
        long executedBefore = RedactingJdbc.executed();
        try {
            return transaction(tenant, readOnly, work, outer, null);
        } catch (StorageException e) {
            // A pooled connection the database closed meanwhile (restart, failover, an administrator's kill) fails
            // the first statement; nothing ran, so the same work on another connection is the same transaction.
            if (outer != null || RedactingJdbc.executed() != executedBefore || !Errors.brokenConnection(e)) {
                throw e;
            }
            LOG.warn("a pooled connection was broken before any statement ran; retrying once on another ({})",
                    e.getMessage());
            try {
                return transaction(tenant, readOnly, work, null, null);
            } catch (RuntimeException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private <T> T transaction(TenantId tenant, boolean readOnly, Function<StorageTx, T> work, JpaTx outer,
                              Connection hostConnection) {
        StatelessSession session = hostConnection == null ? sessions.openStatelessSession()
                : sessions.withStatelessOptions().connection(HostConnection.wrap(RedactingJdbc.wrap(hostConnection)))
                        .openStatelessSession();
        JpaTx tx = new JpaTx(session, tenant, readOnly, database, statistics);
        current.set(tx);
        Transaction transaction = null;
        T result;
        try {
            transaction = session.beginTransaction();
            result = work.apply(tx);
            transaction.commit();
        } catch (RuntimeException e) {
            rollback(transaction, e);
            throw Errors.translate(e);
        } catch (Error e) {
            rollback(transaction, e);
            throw e;
        } finally {
            tx.close();
            close(session);
            if (hostConnection != null) {
                release(hostConnection);
            }
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
        List<Runnable> afterCommit = tx.afterCommitActions();
        if (!afterCommit.isEmpty()) {
            if (hostConnection != null) {
                host.onCompletion(committed -> {
                    if (committed) {
                        AfterCommit.runAll(afterCommit);
                    }
                });
            } else {
                AfterCommit.runAll(afterCommit);
            }
        }
        return result;
    }

    /** The connection of the host's active transaction, from the host's transaction-aware data source. */
    private Connection hostConnection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StorageException("cannot get the host transaction's connection: " + e.getMessage(), e);
        }
    }

    /** Hands the connection back to the host's data source (which keeps it bound to the host's transaction). */
    private static void release(Connection hostConnection) {
        try {
            hostConnection.close();
        } catch (SQLException e) {
            LOG.warn("could not release the host transaction's connection", e);
        }
    }

    /**
     * Closes the session, which hands its connection back to the pool. A broken connection can fail that too; the
     * outcome of the work stands (it failed already, or it committed), so that failure is only logged.
     */
    private static void close(StatelessSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("could not release a connection: {}", Errors.translate(e).getMessage());
        }
    }

    private static void rollback(Transaction transaction, Throwable failure) {
        if (transaction != null && transaction.isActive()) {
            try {
                transaction.rollback();
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
        }
    }

    private static SessionFactory sessionFactory(DataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                // IN lists padded to a power of two: a lookup by a varying number of ids (duplicate candidates,
                // a batch's keys) then reuses a few statements the driver has prepared, instead of one parse and
                // plan per length.
                .applySetting(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true)
                .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY,
                        ImplicitNamingStrategyComponentPathImpl.class.getName())
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        new SnakeCaseNaming())
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
