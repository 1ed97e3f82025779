package dev.crmkit.core.memory;

import dev.crmkit.core.contract.LeaseContract;
import dev.crmkit.core.storage.Storage;

class InMemoryLeaseTest extends LeaseContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
