package dev.crmkit.core.memory;

import dev.crmkit.core.contract.EventDeliveryContract;
import dev.crmkit.core.storage.Storage;

class InMemoryEventDeliveryTest extends EventDeliveryContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
