package dev.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2TouchpointIngestionTest extends TouchpointIngestionTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.H2);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
