package dev.crmkit.jpa;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the current version with the Flyway scripts shipped in this jar, one node at a time
 * ({@link MigrationLock}), and refuses a schema this jar cannot safely run on: one an applied migration of which
 * failed, one a newer CRMKit migrated, or one whose applied migrations differ from this jar's.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:dev/crmkit/jpa/migration";
    static final String HISTORY_TABLE = "crmkit_schema_history";
    /** How long a starting node waits for another one's migration, which may include a data backfill. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private Migrations() {
    }

    /** Migrates and returns the schema version now in place. */
    static String migrate(DataSource dataSource, Database database) {
        Flyway flyway = flyway(dataSource, database);
        MigrationLock lock;
        try {
            lock = MigrationLock.acquire(dataSource, database, LOCK_WAIT);
        } catch (SQLException e) {
            throw new SchemaException("cannot take the CRMKit migration lock: " + e.getMessage(), e);
        }
        try {
            refuseUnsafe(flyway.info());
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("CRMKit schema migrated from {} to {} ({} migrations)", result.initialSchemaVersion,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new SchemaException("cannot migrate the CRMKit schema (history table " + HISTORY_TABLE + "): "
                    + e.getMessage(), e);
        } finally {
            lock.close();
        }
    }

    /** Flyway as configured for this jar's migrations on {@code dataSource}. */
    static Flyway flyway(DataSource dataSource, Database database) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new AccountTagBackfill(), new NurtureStepBackfill(database), new ArticleTermReindex(),
                        new MatchKeyBackfill())
                .table(HISTORY_TABLE)
                .placeholders(database.placeholders())
                // A host schema that already holds the host's tables is fine: ours are all prefixed crm_.
                .baselineOnMigrate(true)
                .baselineVersion(MigrationVersion.fromVersion("0"))
                .load();
    }

    /**
     * Flyway would ignore a future migration and stop with an untyped error on the others; each is named here with
     * what to do. Checked under the lock, so a node migrating at the same time cannot cause them.
     */
    private static void refuseUnsafe(MigrationInfoService info) {
        MigrationInfo[] all = info.all();
        MigrationVersion latest = null;
        for (MigrationInfo m : all) {
            if (m.getState().isResolved() && m.getVersion() != null
                    && (latest == null || m.getVersion().isNewerThan(latest.getVersion()))) {
                latest = m.getVersion();
            }
        }
        String known = latest == null ? "none" : latest.getVersion();
        for (MigrationInfo m : all) {
            MigrationState state = m.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                throw new SchemaException("the CRMKit schema is at version " + describe(m) + ", newer than this"
                        + " CRMKit knows (its latest migration is " + known + "): a newer CRMKit migrated it, and"
                        + " this one refuses to run on it. Start this node with that CRMKit version or a newer one;"
                        + " schemas are not migrated back", null);
            }
        }
        for (MigrationInfo m : all) {
            if (m.getState().isFailed()) {
                throw new SchemaException("CRMKit schema migration " + describe(m) + " failed earlier and is"
                        + " recorded as failed in " + HISTORY_TABLE + "; the schema may be half-migrated. Undo by hand"
                        + " what that migration changed, delete its row (success = false) from " + HISTORY_TABLE
                        + ", and start again: the migration then runs again", null);
            }
        }
        for (MigrationInfo m : all) {
            if (m.getState().isApplied() && m.getState().isResolved() && !m.isChecksumMatching()) {
                throw new SchemaException("CRMKit schema migration " + describe(m) + " applied to this schema"
                        + " differs from the one in this jar (checksum " + m.getAppliedChecksum() + " in "
                        + HISTORY_TABLE + ", " + m.getResolvedChecksum() + " here): the schema was migrated by"
                        + " another build of CRMKit, or its history was edited. Run the CRMKit build that migrated"
                        + " it, or restore the recorded checksum if the history was changed by mistake", null);
            }
        }
    }

    private static String describe(MigrationInfo m) {
        return m.getVersion().getVersion() + " (" + m.getDescription() + ")";
    }
}
