package dev.crmkit.core.memory;

import dev.crmkit.core.contract.EmailContract;
import dev.crmkit.core.storage.Storage;

class InMemoryEmailTest extends EmailContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
