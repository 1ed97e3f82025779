package dev.crmkit.core.memory;

import dev.crmkit.core.contract.TrackingServiceContract;
import dev.crmkit.core.storage.Storage;

class InMemoryTrackingServiceTest extends TrackingServiceContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
