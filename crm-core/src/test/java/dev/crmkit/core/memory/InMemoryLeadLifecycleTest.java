package dev.crmkit.core.memory;

import dev.crmkit.core.contract.LeadLifecycleContract;
import dev.crmkit.core.storage.Storage;

class InMemoryLeadLifecycleTest extends LeadLifecycleContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
