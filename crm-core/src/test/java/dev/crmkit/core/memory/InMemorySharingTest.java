package dev.crmkit.core.memory;

import dev.crmkit.core.contract.SharingContract;
import dev.crmkit.core.storage.Storage;

class InMemorySharingTest extends SharingContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
