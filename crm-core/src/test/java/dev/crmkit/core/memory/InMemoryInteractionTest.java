package dev.crmkit.core.memory;

import dev.crmkit.core.contract.InteractionContract;
import dev.crmkit.core.storage.Storage;

class InMemoryInteractionTest extends InteractionContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
