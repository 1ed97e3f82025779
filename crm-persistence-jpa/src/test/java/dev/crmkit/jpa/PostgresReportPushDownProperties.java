package dev.crmkit.jpa;

import java.sql.SQLException;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Report push-down on PostgreSQL equals the in-memory executor. */
class PostgresReportPushDownProperties extends ReportPushDownProperties {
    private static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    @BeforeContainer
    static void open() {
        DATABASE.openStandalone("PostgresReportPushDownProperties");
    }

    @AfterContainer
    static void close() throws SQLException {
        DATABASE.closeStandalone();
    }

    @Override
    protected JpaStorage storage() {
        return DATABASE.storage();
    }
}
