package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On MariaDB a batch of events is stored with {@code INSERT IGNORE}, and whether all of it was new is read off the
 * rows the batch affected. The driver reports those per row or as one total, as the host's connection options
 * choose (bulk statements are its default); a repeat must be skipped, and counted once, either way.
 */
class MariaDbInsertCountsTest {
    private final TenantId tenant = TenantId.of("counts");

    @ParameterizedTest(name = "driver options \"{0}\"")
    @ValueSource(strings = {"", "&useBulkStmts=false", "&rewriteBatchedStatements=true"})
    void aRepeatAmongNewEventsIsSkippedAndCountedOnceHoweverTheDriverReportsRows(String options) throws Exception {
        try (TestDatabase.Fresh schema = TestDatabase.of(TestDatabase.Kind.MARIADB).fresh();
                JpaStorage storage = JpaStorage.create(schema.newMariaDbPool(options))) {
            Touchpoint first = click("e-1", 1);
            List<Touchpoint> news = List.of(first, click("e-2", 2), click("e-3", 3));
            List<Touchpoint> stored = storage.write(tenant, tx -> tx.touchpoints().insertAll(news));
            assertThat(stored).isEqualTo(news);

            Touchpoint repeat = click("e-1", 1);
            Touchpoint fresh = click("e-4", 4);
            List<Touchpoint> storedNext = storage.write(tenant, tx -> tx.touchpoints().insertAll(List.of(repeat,
                    fresh)));
            assertThat(storedNext).containsExactly(fresh);

            assertThat(storage.read(tenant, (StorageTx tx) -> tx.touchpoints().findByExternalEventId("e-1")))
                    .contains(first);
            List<TouchpointDayTotal> totals = new ArrayList<>();
            storage.read(tenant, (StorageTx tx) -> {
                tx.touchpoints().forEachDayTotal(null, null, totals::add);
                return null;
            });
            assertThat(totals.stream().mapToLong(TouchpointDayTotal::touchpoints).sum()).isEqualTo(4);
        }
    }

    private static Touchpoint click(String externalId, int hour) {
        return Samples.click(TouchpointId.of(UUID.randomUUID()), externalId, "v-counts", Samples.at(hour));
    }
}
