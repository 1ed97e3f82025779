package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.contract.HostileInputContract;
import dev.crmkit.core.contract.HostileRun;
import dev.crmkit.core.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile-input catalog gives the same outcome on every adapter: for each input, memory (the reference) and each
 * database either all refuse it naming the same field, or all store it and read back the same value. Uses the same
 * runs as the per-database {@code HostileInputTests} in {@link JpaContractTest} when those ran first.
 */
class HostileAgreementTest {
    @RegisterExtension
    static final TestDatabase H2 = TestDatabase.of(TestDatabase.Kind.H2);
    @RegisterExtension
    static final TestDatabase POSTGRESQL = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);
    @RegisterExtension
    static final TestDatabase MARIADB = TestDatabase.of(TestDatabase.Kind.MARIADB);

    @Test
    void everyAdapterGivesTheSameOutcomeForEveryHostileInput() {
        HostileRun memory = HostileInputContract.runOn(InMemoryStorage.create());
        List<String> disagreements = new ArrayList<>();
        for (TestDatabase db : List.of(H2, POSTGRESQL, MARIADB)) {
            HostileRun run = HostileInputContract.runOn(db.storage());
            assertThat(run.inputs()).isEqualTo(memory.inputs());
            List<String> found = HostileRun.disagreements(memory, run, "memory", db.toString());
            System.out.printf("hostile inputs: %d on memory and %s, %d disagreements (%d breaches of the property"
                    + " on %s)%n", run.inputs(), db, found.size(), run.violations.size(), db);
            disagreements.addAll(found);
        }
        disagreements.stream().limit(400).forEach(System.out::println);
        assertThat(disagreements).as("inputs whose outcome differs from memory's (%d)", disagreements.size())
                .isEmpty();
    }
}
