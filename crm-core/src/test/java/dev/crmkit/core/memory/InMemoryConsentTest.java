package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ConsentContract;
import dev.crmkit.core.storage.Storage;

class InMemoryConsentTest extends ConsentContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
