package dev.crmkit.core.memory;

import dev.crmkit.core.contract.VisibilityContract;
import dev.crmkit.core.storage.Storage;

class InMemoryVisibilityTest extends VisibilityContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
