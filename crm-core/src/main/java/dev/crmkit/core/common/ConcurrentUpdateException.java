package dev.crmkit.core.common;

/**
 * Someone else changed the record since it was read (optimistic lock conflict). Nothing was written; reload and
 * apply the change again.
 */
public class ConcurrentUpdateException extends CrmException {
    public ConcurrentUpdateException(String kind, Object id, long expectedVersion) {
        super(kind + " " + id + " was changed concurrently (expected version " + expectedVersion + ")");
    }

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
