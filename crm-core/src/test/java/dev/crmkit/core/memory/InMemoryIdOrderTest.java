package dev.crmkit.core.memory;

import dev.crmkit.core.contract.IdOrderContract;
import dev.crmkit.core.storage.Storage;

class InMemoryIdOrderTest extends IdOrderContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
