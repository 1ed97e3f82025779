package dev.crmkit.core.memory;

import dev.crmkit.core.contract.SegmentMembershipContract;
import dev.crmkit.core.storage.Storage;

class InMemorySegmentMembershipTest extends SegmentMembershipContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
