package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Connections the database closes under a pool (a restart, a failover, an administrator's kill), on every database,
 * with HikariCP as the host's pool: the next call on such a connection is retried once on another when it failed
 * before any statement ran, and fails typed, with nothing written, when work had run. Surefire runs with assertions
 * on, so a driver's assertion error on a killed connection would surface here (pgjdbc's does, in the first batch
 * sent on a connection killed while idle). Servers only: embedded H2 has no connection that can break under a pool
 * (killing a session with {@code ABORT_SESSION} closes the in-memory database).
 */
@EachServerDatabase
class BrokenConnectionTest {
    static {
        // Hikari checks a connection before handing it out only after 500 ms idle; a host under load reuses it sooner.
        System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "600000");
    }

    /** Start-up holds several connections at once (the migration lock's, Flyway's). */
    private static final int POOL = 4;

    @Parameter
    TestDatabase database;

    private final TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aCallOnAPooledConnectionTheDatabaseClosedRunsOnAnotherAndSucceeds() throws Exception {
        try (TestDatabase.Fresh schema = database.fresh()) {
            DataSource pool = schema.hikari(POOL);
            JpaStorage storage = JpaStorage.create(pool);
            try {
                killLastUsed(schema, storage);
                LeadId id = LeadId.of(UUID.randomUUID());

                storage.write(tenant, tx -> tx.leads().save(Samples.lead(id, "ada@example.com")));

                assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(id)).map(Lead::id)).contains(id);
                killLastUsed(schema, storage);
                assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(id))).isPresent();
            } finally {
                storage.close();
            }
        }
    }

    @Test
    void aConnectionClosedAfterWorkRanFailsTypedAndWritesNothing() throws Exception {
        try (TestDatabase.Fresh schema = database.fresh()) {
            DataSource pool = schema.hikari(POOL);
            JpaStorage storage = JpaStorage.create(pool);
            try {
                LeadId id = LeadId.of(UUID.randomUUID());
                int[] attempts = {0};

                assertThatThrownBy(() -> storage.write(tenant, tx -> {
                    attempts[0]++;
                    tx.leads().save(Samples.lead(id, "ada@example.com"));
                    kill(schema, tx);
                    return tx.touchpoints().insertAll(clicks(id, 500));
                })).isInstanceOf(StorageException.class);

                assertThat(attempts[0]).as("work that ran is not run again").isEqualTo(1);
                assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(id))).isEmpty();
                assertThat(storage.read(tenant, (StorageTx tx) -> tx.touchpoints().findByLead(id))).isEmpty();
            } finally {
                storage.close();
            }
        }
    }

    private static List<Touchpoint> clicks(LeadId lead, int count) {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        return IntStream.range(0, count).mapToObj(i -> new Touchpoint(TouchpointId.of(UUID.randomUUID()),
                TouchpointKind.AD_CLICK, at.plusSeconds(i), "click-" + i, "visitor-" + i, lead, null, null, null,
                null, null, Channel.WEB, 0, null, null, null, null, null, null, null, null, null)).toList();
    }

    /**
     * Kills the connection this thread used last, idle in the pool: Hikari hands a thread the connection it used last
     * first, so the next call gets the killed one.
     */
    private void killLastUsed(TestDatabase.Fresh schema, JpaStorage storage) throws SQLException,
            InterruptedException {
        kill(schema, storage.read(tenant, (StorageTx tx) -> ((JpaTx) tx).session().doReturningWork(this::sessionOf)));
    }

    /** Kills the session of the transaction's own connection, from another connection. */
    private void kill(TestDatabase.Fresh schema, StorageTx tx) {
        long session = ((JpaTx) tx).session().doReturningWork(this::sessionOf);
        try {
            kill(schema, session);
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sessionOf(Connection c) throws SQLException {
        String sql = switch (database.kind()) {
            case H2 -> "SELECT SESSION_ID()";
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Kills {@code session} and waits until the server no longer lists it. */
    private void kill(TestDatabase.Fresh schema, long session) throws SQLException, InterruptedException {
        String kill = switch (database.kind()) {
            case H2 -> throw new IllegalStateException("not on H2");
            case POSTGRESQL -> "SELECT pg_terminate_backend(?)";
            case MARIADB -> "KILL ?";
        };
        String alive = switch (database.kind()) {
            case H2 -> throw new IllegalStateException("not on H2");
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?";
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?";
        };
        try (Connection admin = schema.connect()) {
            try (PreparedStatement s = admin.prepareStatement(kill)) {
                s.setInt(1, Math.toIntExact(session));
                s.execute();
            }
            for (int wait = 0; wait < 500; wait++) {
                try (PreparedStatement s = admin.prepareStatement(alive)) {
                    s.setInt(1, Math.toIntExact(session));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            return;
                        }
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException("session " + session + " still alive");
    }
}
