package dev.crmkit.spring.boot;

import org.junit.jupiter.api.Assumptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the starter's tests run an application on: a fresh in-memory H2 database, or a fresh schema on the
 * local PostgreSQL server (skipped when it is down, failed instead when {@code CRMKIT_REQUIRE_DATABASES=true}, as in
 * CI).
 */
enum TestDatabases {
    H2, POSTGRESQL;

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    /** An empty database of this kind; its JDBC URL for {@code spring.datasource.url}. */
    Fresh create() {
        String name = "crmkit_starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (this == H2) {
            return new Fresh("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", () -> { });
        }
        try (Connection c = DriverManager.getConnection(PG, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String reason = "PostgreSQL at " + PG + " is not reachable: " + e.getMessage();
            if (Boolean.parseBoolean(System.getenv("CRMKIT_REQUIRE_DATABASES"))) {
                throw new IllegalStateException(reason, e);
            }
            Assumptions.abort(reason + " (set CRMKIT_REQUIRE_DATABASES=true to fail instead of skip)");
        }
        return new Fresh(PG + "?currentSchema=" + name, "postgres", () -> {
            try (Connection c = DriverManager.getConnection(PG, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + name + " CASCADE");
            }
        });
    }

    /** A database made for one test; closing drops it. */
    record Fresh(String url, String user, Drop drop) implements AutoCloseable {
        String[] properties() {
            return new String[] {"spring.datasource.url=" + url, "spring.datasource.username=" + user,
                    "spring.datasource.password=", "spring.datasource.hikari.maximum-pool-size=4"};
        }

        @Override
        public void close() throws SQLException {
            drop.run();
        }
    }

    @FunctionalInterface
    interface Drop {
        void run() throws SQLException;
    }
}
