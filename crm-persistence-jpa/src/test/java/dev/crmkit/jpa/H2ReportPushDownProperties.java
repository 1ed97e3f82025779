package dev.crmkit.jpa;

import java.sql.SQLException;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Report push-down on H2 equals the in-memory executor. */
class H2ReportPushDownProperties extends ReportPushDownProperties {
    private static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.H2);

    @BeforeContainer
    static void open() {
        DATABASE.openStandalone("H2ReportPushDownProperties");
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
