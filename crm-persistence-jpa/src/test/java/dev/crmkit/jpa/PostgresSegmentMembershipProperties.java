package dev.crmkit.jpa;

import dev.crmkit.core.contract.SegmentMembershipContract;
import dev.crmkit.core.spi.Storage;
import java.sql.SQLException;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Segment membership evaluated in SQL on POSTGRESQL equals the reference evaluation (crm-core's property). */
class PostgresSegmentMembershipProperties extends SegmentMembershipContract {
    private static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    @BeforeContainer
    static void open() {
        DATABASE.openStandalone("PostgresSegmentMembershipProperties");
    }

    @AfterContainer
    static void close() throws SQLException {
        DATABASE.closeStandalone();
    }

    @Override
    protected Storage storage() {
        return DATABASE.storage();
    }
}
