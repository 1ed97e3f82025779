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
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;

/** Turns what Hibernate and the JDBC driver throw into CRMKit's exceptions. */
final class Errors {
    private static final Set<String> BROKEN_STATES = Set.of("08000", "08003", "08006", "08S01", "57P01", "57P02",
            "57P03", "90067", "90121");
    private static final int MARIADB_CONNECTION_KILLED = 1927;

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
        return new StorageException((subject == null ? "storage failure" : subject) + ": " + describe(e), e);
    }

    /**
     * Whether {@code failure} comes from a connection the database closed or that broke on the way (PostgreSQL's
     * administrator shutdown or kill, 57P0x; SQLState 08000/08003/08006/08S01 "connection lost"; MariaDB's 1927
     * "connection was killed"; H2's 90067 "connection is broken" and 90121 "database is already closed", which an
     * embedded session killed by {@code ABORT_SESSION} reports), as opposed to one that could not be opened (08001,
     * 08004): those do not get better by asking the pool again.
     */
    static boolean brokenConnection(Throwable failure) {
        return anySqlFailure(failure, e -> BROKEN_STATES.contains(String.valueOf(e.getSQLState()))
                || e.getErrorCode() == MARIADB_CONNECTION_KILLED);
    }

    /**
     * Whether {@code failure} is the database giving up a transaction to let another one through: a deadlock victim
     * (PostgreSQL 40P01; MariaDB 1213, reported as 40001) or a serialization failure (40001). It was rolled back
     * whole, so the same work may run again.
     */
    static boolean conflict(Throwable failure) {
        return anySqlFailure(failure, e -> "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()));
    }

    /** Whether some SQL failure among {@code failure}'s causes, or the exceptions a batch chains to them, matches. */
    private static boolean anySqlFailure(Throwable failure, Predicate<SQLException> matches) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (Throwable s : sql) {
                    if (s instanceof SQLException e && matches.test(e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The redacted description of the first SQL failure in {@code e}'s causes, else Hibernate's own message. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Redaction.describe(sql);
            }
        }
        return firstLine(e.getMessage());
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
        return new StorageException("storage failure: " + Redaction.describe(e), Redaction.redacted(e));
    }

    private static DuplicateException duplicate(String subject, SQLException violation) {
        return new DuplicateException((subject == null ? "a record" : subject) + " has a key that is already stored: "
                + Redaction.describe(violation), Redaction.redacted(violation));
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
