package dev.crmkit.jpa;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.StorageException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;

/** Turns what Hibernate and the JDBC driver throw into CRMKit's exceptions. */
final class Errors {
    private Errors() {
    }

    /**
     * The CRMKit exception for a failed statement about {@code kind} {@code id} saved at {@code version}: a version
     * conflict, a duplicate key, or a storage failure. Anything that is not a persistence failure is returned as is.
     */
    static RuntimeException translate(RuntimeException e, String kind, Object id, long version) {
        return translate(e, kind + " " + id, version);
    }

    /** As {@link #translate(RuntimeException, String, Object, long)}, for failures not tied to one aggregate. */
    static RuntimeException translate(RuntimeException e) {
        return translate(e, null, -1);
    }

    private static RuntimeException translate(RuntimeException e, String subject, long version) {
        if (e instanceof CrmException || !(e instanceof HibernateException || e instanceof PersistenceException)) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return subject == null ? new ConcurrentUpdateException("a record was changed concurrently", e)
                        : new ConcurrentUpdateException(subject + " was changed concurrently (expected version "
                                + version + ")", e);
            }
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return new DuplicateException((subject == null ? "a record" : subject)
                        + " has a key that is already stored: " + firstLine(sql.getMessage()));
            }
        }
        return new StorageException((subject == null ? "storage failure" : subject) + ": "
                + firstLine(e.getMessage()), e);
    }

    /** SQLSTATE 23505 (H2, PostgreSQL) or MariaDB's 1062 "duplicate entry" (reported as generic 23000). */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
