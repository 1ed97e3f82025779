package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AccountVisibilityContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAccountVisibilityTest extends AccountVisibilityContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
