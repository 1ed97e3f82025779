package dev.crmkit.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The JDBC objects Hibernate and the adapter work with, wrapped so every {@link SQLException} they throw is
 * {@link Redaction#redacted redacted} before anyone sees it: Hibernate logs a failed statement's message at ERROR
 * through {@code SqlExceptionHelper} before it converts it, a logger only the host configures, so the message has to
 * be safe before it reaches Hibernate. Also counts the statements that ran on this thread, so a transaction can
 * tell whether a broken connection failed it before any work ran (then it may be retried).
 *
 * <p>An {@link AssertionError} out of the driver (pgjdbc asserts its protocol state, which a connection killed in
 * the middle of a batch breaks when assertions are on) becomes an {@code SQLException} with SQLState 08006, a
 * connection failure, instead of escaping as an error.
 */
final class RedactingJdbc {
    private static final ThreadLocal<long[]> EXECUTED = ThreadLocal.withInitial(() -> new long[1]);

    private RedactingJdbc() {
    }

    /** Statements that completed on this thread so far (compare two readings). */
    static long executed() {
        return EXECUTED.get()[0];
    }

    static DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    static Connection wrap(Connection connection) {
        return proxy(Connection.class, connection);
    }

    private static <T> T proxy(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(RedactingJdbc.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> invoke(proxy, target, method, args)));
    }

    private static Object invoke(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            // Identity, as for the object wrapped: Hibernate keeps statements in hash maps.
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "redacting " + target;
            };
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw Redaction.redacted(sql);
            }
            if (cause instanceof AssertionError) {
                SQLException broken = new SQLException("the JDBC driver failed an internal assertion ("
                        + method.getName() + "), the connection is unusable", "08006");
                broken.setStackTrace(cause.getStackTrace());
                throw broken;
            }
            throw cause;
        }
        String name = method.getName();
        if (name.startsWith("execute")) {
            EXECUTED.get()[0]++;
        }
        if (result instanceof Connection c && method.getReturnType() == Connection.class) {
            return wrap(c);
        }
        if (result instanceof Statement) {
            Class<?> returned = method.getReturnType();
            if (returned == CallableStatement.class) {
                return proxy(CallableStatement.class, (CallableStatement) result);
            }
            if (returned == PreparedStatement.class) {
                return proxy(PreparedStatement.class, (PreparedStatement) result);
            }
            if (returned == Statement.class) {
                return proxy(Statement.class, (Statement) result);
            }
        }
        return result;
    }
}
