package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ConcurrentUpdateContract;
import dev.crmkit.core.storage.Storage;

class InMemoryConcurrentUpdateTest extends ConcurrentUpdateContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
