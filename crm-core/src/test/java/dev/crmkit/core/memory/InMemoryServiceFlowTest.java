package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ServiceFlowContract;
import dev.crmkit.core.storage.Storage;

class InMemoryServiceFlowTest extends ServiceFlowContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
