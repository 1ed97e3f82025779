package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Touchpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the contract suites do not cover: the embedded file database, id-level tenant isolation, nesting. */
class JpaStorageTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.H2);

    private final TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void theEmbeddedH2FileIsCreatedMigratedAndKeepsDataAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("crm");
        Lead saved;
        try (JpaStorage storage = JpaStorage.embeddedH2(file)) {
            saved = storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()),
                    "ada@example.com")));
        }
        assertThat(Files.exists(dir.resolve("crm.mv.db"))).isTrue();

        try (JpaStorage reopened = JpaStorage.embeddedH2(file)) {
            assertThat(reopened.read(tenant, (StorageTx tx) -> tx.leads().find(saved.id()))).contains(saved);
            Lead updated = reopened.write(tenant, tx -> tx.leads().save(saved));
            assertThat(updated.version()).isEqualTo(2);
        }
    }

    @Test
    void anotherTenantCanNeitherReadNorOverwriteARowByItsId() {
        JpaStorage storage = DATABASE.storage();
        Lead mine = storage.write(tenant, tx -> tx.leads().save(Samples.lead(LeadId.of(UUID.randomUUID()),
                "ada@example.com")));
        TenantId other = TenantId.of("other-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(storage.read(other, (StorageTx tx) -> tx.leads().find(mine.id()))).isEmpty();
        // Knowing the id and version is not enough: the update is keyed by tenant too, so it finds no row.
        assertThatThrownBy(() -> storage.write(other, tx -> tx.leads().save(mine)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().get(mine.id()))).isEqualTo(mine);
    }

    @Test
    void nestedCallsJoinTheOuterTransactionAndMayNotUpgradeAReadToAWrite() {
        JpaStorage storage = DATABASE.storage();
        LeadId id = LeadId.of(UUID.randomUUID());
        assertThatThrownBy(() -> storage.write(tenant, tx -> {
            tx.leads().save(Samples.lead(id, "ada@example.com"));
            // The inner read sees the outer write before it commits.
            assertThat(storage.read(tenant, (StorageTx inner) -> inner.leads().find(id))).isPresent();
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(id))).isEmpty();

        assertThatThrownBy(() -> storage.read(tenant, tx -> storage.write(tenant, inner -> inner.leads().find(id))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBatchMixingStoredAndNewEventsStoresTheNewOnesAndTheTransactionGoesOn() {
        JpaStorage storage = DATABASE.storage();
        Touchpoint stored = Samples.click(TouchpointId.of(UUID.randomUUID()), "e-1", "v-1", Samples.at(1));
        storage.write(tenant, tx -> tx.touchpoints().insertAll(List.of(stored)));
        Touchpoint repeat = Samples.click(TouchpointId.of(UUID.randomUUID()), "e-1", "v-1", Samples.at(1));
        Touchpoint fresh = Samples.click(TouchpointId.of(UUID.randomUUID()), "e-2", "v-1", Samples.at(2));
        Lead lead = Samples.lead(LeadId.of(UUID.randomUUID()), "ada@example.com");

        List<Touchpoint> inserted = storage.write(tenant, tx -> {
            List<Touchpoint> result = tx.touchpoints().insertAll(List.of(repeat, fresh));
            tx.leads().save(lead); // the rejected first attempt left the transaction usable
            return result;
        });

        assertThat(inserted).containsExactly(fresh);
        assertThat(storage.read(tenant, (StorageTx tx) -> tx.touchpoints().findByVisitor("v-1")))
                .containsExactly(stored, fresh);
        assertThat(storage.read(tenant, (StorageTx tx) -> tx.leads().find(lead.id()))).isPresent();
    }

    @Test
    void repositoriesAreValidOnlyInsideTheirTransaction() {
        JpaStorage storage = DATABASE.storage();
        LeadRepository escaped = storage.read(tenant, StorageTx::leads);
        assertThatThrownBy(() -> escaped.find(LeadId.of(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
    }
}
