package dev.crmkit.jpa;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver errors without the values they quote. PostgreSQL puts the key and the failing row on its message's detail
 * lines, MariaDB writes the duplicate entry into the message, H2 the values of the violated index and the value that
 * was too long; such a message would carry a person's email or phone into exception messages and Hibernate's error
 * log. What is kept: the first line, with vendor-specific value parts removed and every other quoted literal replaced
 * by {@code ?} unless it reads as a schema identifier (letters, digits, {@code _ $ .}, with an underscore or a dot:
 * {@code crm_lead_pkey}, {@code PUBLIC.CRM_LEAD}; and MariaDB's {@code PRIMARY}), plus SQLState and vendor code.
 * Value-shaped text outside quotes is not expected from these drivers on a statement's first line.
 */
final class Redaction {
    /** MariaDB: {@code Duplicate entry 'tenant-bob@example.com' for key 'uk'}; greedy, so a value quoting the
     * separator cannot hide the real key name. */
    private static final Pattern MARIADB_DUPLICATE = Pattern.compile("Duplicate entry '.*' for key");
    /** H2: the values of a violated index ({@code ON PUBLIC.T(A, B) VALUES ( ... )"}) and a value too long. */
    private static final Pattern H2_VALUES = Pattern.compile(" VALUES \\(.*\\)\"");
    /** H2: {@code "PUBLIC.IDX ON PUBLIC.T(A NULLS FIRST)"}, once the values are gone, and {@code "NAME: (expression)"}
     * of a check constraint, whose expression may hold literals. */
    private static final Pattern H2_INDEX = Pattern.compile("\"([A-Za-z0-9_$.]+) ON ([A-Za-z0-9_$.]+)\\([^\"]*\"");
    private static final Pattern H2_CHECK = Pattern.compile("\"([A-Za-z0-9_$.]+): .*\"");
    private static final Pattern H2_TOO_LONG = Pattern.compile(": \"'.*' \\((\\d+)\\)\"");
    /** pgjdbc: {@code Batch entry 0 insert into ... values (('x'),...) was aborted: ERROR: ...} quotes every value. */
    private static final Pattern PG_BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) .* was aborted: ");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$.]*[_.][A-Za-z0-9_$.]*"
            + "(\\([A-Za-z0-9_, ]*\\))?( [A-Z][A-Z ]*(\\(\\d+(, ?\\d+)?\\))?)?");

    private Redaction() {
    }

    /** One line describing {@code e} without the values it quotes: its kind, SQLState, vendor code and message. */
    static String describe(SQLException e) {
        return redactedMessage(e) + " [SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + "]";
    }

    /**
     * A copy of {@code e} of the same standard {@code java.sql} type, SQLState, vendor code and stack trace whose
     * message (and each chained next exception's) is {@link #describe redacted}. The driver's own exception is not
     * kept as the cause: its message is what must not travel.
     */
    static SQLException redacted(SQLException e) {
        if (e instanceof Redacted) {
            return e;
        }
        String reason = e.getClass().getSimpleName() + ": " + redactedMessage(e);
        SQLException copy = copy(e, reason);
        copy.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            copy.setNextException(redacted(next));
        }
        return copy;
    }

    /** Marks a copy made here so it is not redacted twice. */
    private interface Redacted {
    }

    static String redactedMessage(SQLException e) {
        String line = firstLine(e.getMessage());
        line = PG_BATCH_ENTRY.matcher(line).replaceAll("Batch entry $1 was aborted: ");
        line = MARIADB_DUPLICATE.matcher(line).replaceAll("Duplicate entry for key");
        line = H2_VALUES.matcher(line).replaceAll("\"");
        line = H2_TOO_LONG.matcher(line).replaceAll(": $1 characters");
        line = H2_INDEX.matcher(line).replaceAll("index $1 on $2");
        line = H2_CHECK.matcher(line).replaceAll("constraint $1");
        Matcher m = QUOTED.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String quoted = m.group();
            String inner = quoted.substring(1, quoted.length() - 1);
            m.appendReplacement(out, Matcher.quoteReplacement(IDENTIFIER.matcher(inner).matches()
                    || inner.equals("PRIMARY") ? quoted
                    : quoted.charAt(0) + "?" + quoted.charAt(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Keeps the standard subtype: Hibernate and pools classify failures by it (constraint, timeout, connection). */
    private static SQLException copy(SQLException e, String reason) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        if (e instanceof BatchUpdateException batch) {
            return new RedactedBatch(reason, state, code, batch.getLargeUpdateCounts());
        }
        if (e instanceof SQLTransientException) {
            if (e instanceof SQLTransientConnectionException) {
                return new RedactedTransientConnection(reason, state, code);
            }
            if (e instanceof SQLTransactionRollbackException) {
                return new RedactedRollback(reason, state, code);
            }
            if (e instanceof SQLTimeoutException) {
                return new RedactedTimeout(reason, state, code);
            }
            return new RedactedTransient(reason, state, code);
        }
        if (e instanceof SQLNonTransientException) {
            if (e instanceof SQLNonTransientConnectionException) {
                return new RedactedConnection(reason, state, code);
            }
            if (e instanceof SQLIntegrityConstraintViolationException) {
                return new RedactedConstraint(reason, state, code);
            }
            if (e instanceof SQLDataException) {
                return new RedactedData(reason, state, code);
            }
            if (e instanceof SQLSyntaxErrorException) {
                return new RedactedSyntax(reason, state, code);
            }
            if (e instanceof SQLInvalidAuthorizationSpecException) {
                return new RedactedAuthorization(reason, state, code);
            }
            if (e instanceof SQLFeatureNotSupportedException) {
                return new RedactedUnsupported(reason, state, code);
            }
            return new RedactedNonTransient(reason, state, code);
        }
        if (e instanceof SQLRecoverableException) {
            return new RedactedRecoverable(reason, state, code);
        }
        return new RedactedPlain(reason, state, code);
    }

    private static final class RedactedPlain extends SQLException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedPlain(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedBatch extends BatchUpdateException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedBatch(String reason, String state, int code, long[] counts) {
            super(reason, state, code, counts, null);
        }
    }

    private static final class RedactedTransient extends SQLTransientException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedTransient(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedTransientConnection extends SQLTransientConnectionException
            implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedTransientConnection(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedRollback extends SQLTransactionRollbackException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedRollback(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedTimeout extends SQLTimeoutException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedTimeout(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedNonTransient extends SQLNonTransientException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedNonTransient(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedConnection extends SQLNonTransientConnectionException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedConnection(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedConstraint extends SQLIntegrityConstraintViolationException
            implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedConstraint(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedData extends SQLDataException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedData(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedSyntax extends SQLSyntaxErrorException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedSyntax(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedAuthorization extends SQLInvalidAuthorizationSpecException
            implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedAuthorization(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedUnsupported extends SQLFeatureNotSupportedException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedUnsupported(String reason, String state, int code) {
            super(reason, state, code);
        }
    }

    private static final class RedactedRecoverable extends SQLRecoverableException implements Redacted {
        private static final long serialVersionUID = 1L;

        RedactedRecoverable(String reason, String state, int code) {
            super(reason, state, code);
        }
    }
}
