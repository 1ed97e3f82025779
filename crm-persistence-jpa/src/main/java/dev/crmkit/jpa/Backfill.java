package dev.crmkit.jpa;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration filling a table a SQL migration created from data stored before it, in the migration's
 * transaction. Java, because the three databases read JSON text differently.
 */
abstract class Backfill implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    Backfill(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
