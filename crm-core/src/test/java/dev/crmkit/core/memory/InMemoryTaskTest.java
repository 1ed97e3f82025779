package dev.crmkit.core.memory;

import dev.crmkit.core.contract.TaskContract;
import dev.crmkit.core.storage.Storage;

class InMemoryTaskTest extends TaskContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
