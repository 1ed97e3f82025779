package dev.crmkit.jpa;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema to the current version with the Flyway scripts shipped in this jar. */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String LOCATION = "classpath:dev/crmkit/jpa/migration";
    static final String HISTORY_TABLE = "crmkit_schema_history";

    private Migrations() {
    }

    /** Migrates and returns the schema version now in place. */
    static String migrate(DataSource dataSource, Database database) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new AccountTagBackfill())
                .table(HISTORY_TABLE)
                .placeholders(database.placeholders())
                // A host schema that already holds the host's tables is fine: ours are all prefixed crm_.
                .baselineOnMigrate(true)
                .baselineVersion(MigrationVersion.fromVersion("0"))
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("CRMKit schema migrated from {} to {} ({} migrations)", result.initialSchemaVersion,
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
        MigrationVersion current = flyway.info().current() == null ? null : flyway.info().current().getVersion();
        return current == null ? "none" : current.getVersion();
    }
}
