package dev.crmkit.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * The connection of a transaction the host application runs, as handed to Hibernate: Hibernate may begin, commit
 * and roll back "its" transaction as usual (which keeps JDBC batching on), but those calls do not reach the host's
 * connection; the host commits or rolls back. Closing it returns it to the host's data source as usual.
 */
final class HostConnection {
    private static final Set<String> HOST_OWNED = Set.of("commit", "rollback", "setAutoCommit");

    private HostConnection() {
    }

    static Connection wrap(Connection host) {
        return (Connection) Proxy.newProxyInstance(HostConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (HOST_OWNED.contains(method.getName())
                            && (args == null || method.getName().equals("setAutoCommit"))) {
                        return null;
                    }
                    if (method.getName().equals("getAutoCommit")) {
                        return false; // inside the host's transaction
                    }
                    try {
                        return method.invoke(host, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
