package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ContactManagementContract;
import dev.crmkit.core.storage.Storage;

class InMemoryContactManagementTest extends ContactManagementContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
