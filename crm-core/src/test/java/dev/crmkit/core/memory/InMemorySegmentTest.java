package dev.crmkit.core.memory;

import dev.crmkit.core.contract.SegmentContract;
import dev.crmkit.core.storage.Storage;

class InMemorySegmentTest extends SegmentContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
