package dev.crmkit.jpa;

import java.sql.SQLException;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Report push-down on MariaDB equals the in-memory executor. */
class MariaDbReportPushDownProperties extends ReportPushDownProperties {
    private static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.MARIADB);

    @BeforeContainer
    static void open() {
        DATABASE.openStandalone("MariaDbReportPushDownProperties");
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
