package dev.crmkit.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the tables a bulk import fills up to date while it runs, as autovacuum
 * would (where it runs, and not within the minute it may take). A table that grew from empty without statistics is
 * read by sequential scans, and a prepared key lookup with a long IN list then compares every row with every key:
 * an import of 20,000 leads into fresh tables spent 117 of its 127 seconds in those lookups. So each time the rows
 * imported through this storage double (from 1,000), the tables are analyzed after the batch commits, on a
 * connection of their own: nothing in the import's transaction, and a refusal (no owner rights) is only logged.
 */
final class BulkStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(BulkStatistics.class);
    private static final String TABLES = "crm_lead, crm_lead_match_key, crm_lead_tag, crm_contact,"
            + " crm_contact_match_key, crm_account, crm_account_match_key, crm_import_row";

    private final Database database;
    private final DataSource dataSource;
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong atLastAnalyze = new AtomicLong();

    BulkStatistics(Database database, DataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
    }

    /** {@code rows} more were imported in {@code tx}: analyze after it commits if the total doubled. */
    void imported(JpaTx tx, int rows) {
        if (database != Database.POSTGRESQL) {
            return; // H2 plans without statistics well enough; MariaDB keeps its index statistics itself
        }
        long total = imported.addAndGet(rows);
        long last = atLastAnalyze.get();
        if (total >= Math.max(1_000, 2 * last) && atLastAnalyze.compareAndSet(last, total)) {
            tx.afterCommit(this::analyze);
        }
    }

    private void analyze() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + TABLES);
        } catch (SQLException e) {
            LOG.info("could not refresh the statistics after a bulk import ({}); autovacuum will", e.getMessage());
        }
    }
}
