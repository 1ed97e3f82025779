package dev.crmkit.core.memory;

import dev.crmkit.core.contract.GeolocationContract;
import dev.crmkit.core.storage.Storage;

class InMemoryGeolocationTest extends GeolocationContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
