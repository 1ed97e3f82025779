package dev.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTouchpointIngestionTest extends TouchpointIngestionTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
