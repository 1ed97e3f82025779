package dev.crmkit.core.memory;

import dev.crmkit.core.contract.DocumentContract;
import dev.crmkit.core.storage.Storage;

class InMemoryDocumentTest extends DocumentContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
