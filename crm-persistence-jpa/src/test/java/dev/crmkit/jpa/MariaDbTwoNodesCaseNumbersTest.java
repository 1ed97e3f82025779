package dev.crmkit.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbTwoNodesCaseNumbersTest extends TwoNodesCaseNumbersTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.MARIADB);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
