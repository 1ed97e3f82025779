package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.spi.Outbox;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import org.junit.jupiter.api.Test;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

class CrmFacadeTest {
    @Test
    void closingAUsersViewLeavesTheSharedStorageOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        InMemoryStorage memory = InMemoryStorage.create();
        Storage storage = new ClosingStorage(memory, closed);
        Crm crm = Crm.builder().storage(storage).build();
        Crm alice = crm.as(Actor.of("acme", "alice", Actor.MANAGER));

        alice.close();

        assertThat(closed).isFalse();
        assertThat(alice.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"))).isNotNull();
        crm.close();
        assertThat(closed).isTrue();
    }

    @Test
    void anObjectThatIsNoSettingIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> Crm.builder().with("scoring please"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not a CRMKit setting")
                .hasMessageContaining("ScoringRules");
    }

    /** The in-memory storage, noting when it is closed. */
    private record ClosingStorage(InMemoryStorage delegate, AtomicBoolean closed) implements Storage {
        @Override
        public <T> T read(TenantId tenant, Function<StorageTx, T> work) {
            return delegate.read(tenant, work);
        }

        @Override
        public <T> T write(TenantId tenant, Function<StorageTx, T> work) {
            return delegate.write(tenant, work);
        }

        @Override
        public Outbox outbox() {
            return delegate.outbox();
        }

        @Override
        public Leases leases() {
            return delegate.leases();
        }

        @Override
        public DocumentStore documentStore() {
            return delegate.documentStore();
        }

        @Override
        public void close() {
            closed.set(true);
            delegate.close();
        }
    }
}
