package dev.crmkit.jpa;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.StorageException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.OptionalLong;
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
        return translate(e, kind, id, version, kind + " " + id);
    }

    /** As {@link #translate(RuntimeException, String, Object, long)}, for failures not tied to one aggregate. */
    static RuntimeException translate(RuntimeException e) {
        return translate(e, null, null, -1, null);
    }

    private static RuntimeException translate(RuntimeException e, String kind, Object id, long version,
                                              String subject) {
        if (e instanceof CrmException || !(e instanceof HibernateException || e instanceof PersistenceException)) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                // The guarded update matched no row: the stored version is not known here.
                return subject == null ? new ConcurrentUpdateException("a record was changed concurrently", e)
                        : new ConcurrentUpdateException(kind, id, version, OptionalLong.empty(), e);
            }
            if (t instanceof SQLException sql) {
                SQLException violation = uniqueViolation(sql);
                if (violation != null) {
                    return duplicate(subject, violation);
                }
            }
        }
        return new StorageException((subject == null ? "storage failure" : subject) + ": "
                + firstLine(e.getMessage()), e);
    }

    /**
     * As {@link #translate(RuntimeException)}, for a statement the adapter ran on the JDBC connection itself (a
     * failure it keeps out of Hibernate's sight, which would log it): a duplicate key or a storage failure.
     */
    static RuntimeException translate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException violation = uniqueViolation(sql);
                if (violation != null) {
                    return duplicate(null, violation);
                }
            }
        }
        return new StorageException("storage failure: " + firstLine(e.getMessage()), e);
    }

    private static DuplicateException duplicate(String subject, SQLException violation) {
        return new DuplicateException((subject == null ? "a record" : subject) + " has a key that is already stored: "
                + firstLine(violation.getMessage()), violation);
    }

    /**
     * The exception reporting SQLSTATE 23505 (H2, PostgreSQL) or MariaDB's 1062 "duplicate entry" (reported as
     * generic 23000), or null. A failed batch chains the failures of its statements as next exceptions; the
     * innermost one names the key without the batch's SQL.
     */
    private static SQLException uniqueViolation(SQLException e) {
        SQLException found = null;
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062) {
                found = s;
                if (!(s instanceof BatchUpdateException)) {
                    return s;
                }
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
