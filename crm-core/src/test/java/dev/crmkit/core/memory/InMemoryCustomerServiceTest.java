package dev.crmkit.core.memory;

import dev.crmkit.core.contract.CustomerServiceContract;
import dev.crmkit.core.storage.Storage;

class InMemoryCustomerServiceTest extends CustomerServiceContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
