package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AutomationContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAutomationTest extends AutomationContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
