package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ImportContract;
import dev.crmkit.core.storage.Storage;

class InMemoryImportTest extends ImportContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
