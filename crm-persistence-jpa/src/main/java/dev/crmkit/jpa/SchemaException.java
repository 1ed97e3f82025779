package dev.crmkit.jpa;

import dev.crmkit.core.common.StorageException;

/**
 * The database schema does not fit this CRMKit, so {@link JpaStorage} refuses to start on it: a newer CRMKit migrated
 * it, a migration failed half-way, an applied migration differs from this jar's, or the schema could not be migrated
 * or locked for migration. The message names the migration version and what to do.
 */
public class SchemaException extends StorageException {
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
