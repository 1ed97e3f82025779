package dev.crmkit.core.memory;

import dev.crmkit.core.contract.CaseContract;
import dev.crmkit.core.storage.Storage;

class InMemoryCaseTest extends CaseContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
