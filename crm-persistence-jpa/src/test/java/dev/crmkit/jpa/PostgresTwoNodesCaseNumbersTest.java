package dev.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTwoNodesCaseNumbersTest extends TwoNodesCaseNumbersTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
