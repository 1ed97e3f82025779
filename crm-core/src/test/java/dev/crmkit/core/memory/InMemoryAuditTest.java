package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AuditContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAuditTest extends AuditContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
