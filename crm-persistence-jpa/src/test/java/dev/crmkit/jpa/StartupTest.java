package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Start-up on every database: nodes starting at once on an empty schema, and schemas this CRMKit must not run on.
 * Each test works in schemas of its own ({@link TestDatabase#fresh()}).
 */
@EachDatabase
class StartupTest {
    /** Rounds of the concurrent start; -Dcrmkit.test.startupRounds=50 to hunt a rare race. */
    private static final int ROUNDS = Integer.getInteger("crmkit.test.startupRounds", 10);
    private static final int NODES = 4;

    @Parameter
    TestDatabase database;

    private final TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void fourNodesStartingAtOnceOnAnEmptySchemaAllStartAndTheSchemaIsCurrent() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                try (TestDatabase.Fresh schema = database.fresh()) {
                    List<JpaStorage> nodes = startAtOnce(schema, threads, round);
                    try {
                        assertCurrent(schema);
                        // Every node works on the one schema: a write by the first is read by the last.
                        LeadId id = LeadId.of(UUID.randomUUID());
                        nodes.get(0).write(tenant, tx -> tx.leads().save(Samples.lead(id, "ada@example.com")));
                        assertThat(nodes.get(NODES - 1).read(tenant, (StorageTx tx) -> tx.leads().find(id))
                                .map(Lead::id)).contains(id);
                    } finally {
                        nodes.forEach(JpaStorage::close);
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSchemaMigratedByANewerCrmKitIsRefusedNamingItsVersion() throws Exception {
        try (TestDatabase.Fresh schema = database.fresh()) {
            DataSource pool = schema.newPool();
            Migrations.migrate(pool, kind());
            try (Connection c = schema.connect()) {
                int rank = queryInt(c, sql("SELECT MAX(\"installed_rank\") FROM \"crmkit_schema_history\"")) + 1;
                try (PreparedStatement s = c.prepareStatement(sql("INSERT INTO \"crmkit_schema_history\""
                        + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\","
                        + " \"installed_by\", \"execution_time\", \"success\") VALUES (?, '999', 'from the future',"
                        + " 'SQL', 'V999__from_the_future.sql', 1, 'test', 1, ?)"))) {
                    s.setInt(1, rank);
                    s.setBoolean(2, true);
                    s.executeUpdate();
                }
            }

            assertThatThrownBy(() -> JpaStorage.create(pool))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("version 999 (from the future)")
                    .hasMessageContaining("newer than this CRMKit knows (its latest migration is " + latest(pool)
                            + ")");
        }
    }

    @Test
    void aFailedMigrationInTheHistoryIsRefusedNamingItsVersion() throws Exception {
        try (TestDatabase.Fresh schema = database.fresh()) {
            DataSource pool = schema.newPool();
            Migrations.migrate(pool, kind());
            String version;
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                int rank = queryInt(c, sql("SELECT MAX(\"installed_rank\") FROM \"crmkit_schema_history\""));
                try (ResultSet rs = s.executeQuery(sql("SELECT \"version\" FROM \"crmkit_schema_history\""
                        + " WHERE \"installed_rank\" = " + rank))) {
                    rs.next();
                    version = rs.getString(1);
                }
                try (PreparedStatement u = c.prepareStatement(sql("UPDATE \"crmkit_schema_history\""
                        + " SET \"success\" = ? WHERE \"installed_rank\" = ?"))) {
                    u.setBoolean(1, false);
                    u.setInt(2, rank);
                    u.executeUpdate();
                }
            }

            assertThatThrownBy(() -> JpaStorage.create(pool))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("migration " + version + " (")
                    .hasMessageContaining("recorded as failed in crmkit_schema_history");
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefusedNamingItsVersion() throws Exception {
        try (TestDatabase.Fresh schema = database.fresh()) {
            DataSource pool = schema.newPool();
            Migrations.migrate(pool, kind());
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                s.executeUpdate(sql("UPDATE \"crmkit_schema_history\" SET \"checksum\" = \"checksum\" + 1"
                        + " WHERE \"version\" = '3'"));
            }

            assertThatThrownBy(() -> JpaStorage.create(pool))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("migration 3 (sales)")
                    .hasMessageContaining("differs from the one in this jar");
        }
    }

    /** Creates {@link #NODES} storages, each on a pool of its own, released at the same moment. */
    private static List<JpaStorage> startAtOnce(TestDatabase.Fresh schema, ExecutorService threads, int round)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(NODES);
        List<Future<JpaStorage>> starting = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            DataSource pool = schema.newPool();
            starting.add(threads.submit(() -> {
                start.await();
                return JpaStorage.create(pool);
            }));
        }
        List<JpaStorage> started = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<JpaStorage> node : starting) {
            try {
                started.add(node.get(5, TimeUnit.MINUTES));
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            started.forEach(JpaStorage::close);
            AssertionError error = new AssertionError(failures.size() + " of " + NODES + " nodes failed to start in"
                    + " round " + round);
            failures.forEach(error::addSuppressed);
            throw error;
        }
        return started;
    }

    /** Every migration of this jar applied exactly once, none pending, none failed. */
    private void assertCurrent(TestDatabase.Fresh schema) throws SQLException {
        DataSource pool = schema.newPool();
        MigrationInfoService info = Migrations.flyway(pool, kind()).info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.current().getVersion().getVersion()).isEqualTo(latest(pool));
        try (Connection c = schema.connect()) {
            assertThat(queryInt(c, sql("SELECT COUNT(*) FROM \"crmkit_schema_history\" WHERE \"version\" <> '0'")))
                    .isEqualTo(queryInt(c, sql("SELECT COUNT(DISTINCT \"version\") FROM \"crmkit_schema_history\""
                            + " WHERE \"version\" <> '0'")));
            assertThat(queryInt(c, sql("SELECT COUNT(*) FROM \"crmkit_schema_history\" WHERE NOT \"success\"")))
                    .isZero();
        }
    }

    /** The newest migration this jar ships. */
    private String latest(DataSource pool) {
        MigrationInfo newest = null;
        for (MigrationInfo m : Migrations.flyway(pool, kind()).info().all()) {
            if (m.getState().isResolved() && m.getVersion() != null
                    && (newest == null || m.getVersion().isNewerThan(newest.getVersion()))) {
                newest = m;
            }
        }
        return newest.getVersion().getVersion();
    }

    /**
     * {@code query} with its identifiers quoted for this database: Flyway creates the history table and its columns
     * in quoted lower case on H2, where unquoted names mean upper case.
     */
    private String sql(String query) {
        return database.kind() == TestDatabase.Kind.MARIADB ? query.replace('"', '`') : query;
    }

    private Database kind() {
        return Database.valueOf(database.kind().name());
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
