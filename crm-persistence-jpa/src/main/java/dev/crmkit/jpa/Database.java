package dev.crmkit.jpa;

import dev.crmkit.core.common.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The databases the adapter supports, and the few column types in which their SQL differs. The migrations are one
 * set of scripts; these values fill their placeholders.
 */
enum Database {
    H2("TIMESTAMP(6) WITH TIME ZONE", "CHARACTER VARYING", "", ""),
    POSTGRESQL("TIMESTAMP(6) WITH TIME ZONE", "TEXT", "", "COLLATE \"C\""),
    // Binary, no-pad collation: lookups and uniqueness must be exact (case, accents, trailing spaces) as in memory.
    MARIADB("DATETIME(6)", "LONGTEXT", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin", "");

    private final Map<String, String> placeholders;

    Database(String instant, String text, String tableOptions, String binaryCollation) {
        this.placeholders = Map.of("instant", instant, "text", text, "table_options", tableOptions,
                "binary_collation", binaryCollation);
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /** What the data source connects to, with its product name and version for the start-up log. */
    record Detected(Database database, String product) {
    }

    static Detected detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String name = meta.getDatabaseProductName();
            String product = name + " " + meta.getDatabaseProductVersion();
            return new Detected(of(name, product), product);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    private static Database of(String productName, String product) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw new StorageException("unsupported database " + product + " (CRMKit supports H2, PostgreSQL, MariaDB)",
                null);
    }
}
