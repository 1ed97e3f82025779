package dev.crmkit.core.memory;

import dev.crmkit.core.contract.StorageContract;
import dev.crmkit.core.storage.Storage;

class InMemoryStorageContractTest extends StorageContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
