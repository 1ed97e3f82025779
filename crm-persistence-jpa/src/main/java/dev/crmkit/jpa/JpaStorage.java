package dev.crmkit.jpa;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.spi.Storage;
import dev.crmkit.core.spi.StorageTx;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable storage in a relational database through Hibernate 6: H2 (embedded), PostgreSQL or MariaDB. Creating
 * it migrates the schema (Flyway, history table {@code crmkit_schema_history}, so a host's own migrations are left
 * alone); no persistence.xml and no hbm2ddl. Thread-safe; each {@code read}/{@code write} is one database
 * transaction on a connection from the data source, and nested calls on the same thread and tenant join it.
 */
public final class JpaStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStorage.class);
    /** Rows per JDBC batch; touchpoint ingestion is the bulk writer. */
    static final int BATCH_SIZE = 200;
    private static final List<Class<?>> ENTITIES = List.of(LeadEntity.class, LeadVisitorRow.class,
            LeadTagRow.class, AccountEntity.class, ContactEntity.class, ContactTagRow.class, PurchaseEntity.class,
            FeedbackEntity.class, CampaignEntity.class, AdEntity.class, AffiliateEntity.class,
            TouchpointEntity.class);

    private final SessionFactory sessions;
    private final Database database;
    private final Runnable onClose;
    private final ThreadLocal<JpaTx> current = new ThreadLocal<>();

    private JpaStorage(DataSource dataSource, Runnable onClose) {
        this.onClose = onClose;
        Database.Detected db = Database.detect(dataSource);
        this.database = db.database();
        String schemaVersion = Migrations.migrate(dataSource, db.database());
        this.sessions = sessionFactory(dataSource);
        LOG.info("CRMKit JPA storage on {}: schema version {}", db.product(), schemaVersion);
    }

    /**
     * Storage in the host's database: migrates the schema of {@code dataSource}'s default schema (PostgreSQL: the
     * connection's current schema; MariaDB: its database) to the current version. The host owns and closes the data
     * source, which should pool connections; for PostgreSQL, {@code reWriteBatchedInserts=true} speeds up ingestion.
     */
    public static JpaStorage create(DataSource dataSource) {
        return new JpaStorage(Objects.requireNonNull(dataSource, "dataSource"), () -> {
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
            return new JpaStorage(pool, pool::dispose);
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
        StatelessSession session = sessions.openStatelessSession();
        JpaTx tx = new JpaTx(session, tenant, readOnly, database);
        current.set(tx);
        Transaction transaction = null;
        try {
            transaction = session.beginTransaction();
            T result = work.apply(tx);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(transaction, e);
            throw Errors.translate(e);
        } catch (Error e) {
            rollback(transaction, e);
            throw e;
        } finally {
            tx.close();
            session.close();
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
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
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY,
                        ImplicitNamingStrategyComponentPathImpl.class.getName())
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                        CamelCaseToUnderscoresNamingStrategy.class.getName())
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
