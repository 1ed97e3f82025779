package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ErasureContract;
import dev.crmkit.core.storage.Storage;

class InMemoryErasureTest extends ErasureContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
