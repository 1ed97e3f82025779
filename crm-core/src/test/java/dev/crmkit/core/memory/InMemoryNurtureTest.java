package dev.crmkit.core.memory;

import dev.crmkit.core.contract.NurtureContract;
import dev.crmkit.core.storage.Storage;

class InMemoryNurtureTest extends NurtureContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
