package dev.crmkit.core.memory;

import dev.crmkit.core.contract.InputBoundsContract;
import dev.crmkit.core.storage.Storage;

class InMemoryInputBoundsTest extends InputBoundsContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
