package dev.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbTouchpointIngestionTest extends TouchpointIngestionTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.MARIADB);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
