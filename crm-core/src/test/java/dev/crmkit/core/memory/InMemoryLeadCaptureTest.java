package dev.crmkit.core.memory;

import dev.crmkit.core.contract.LeadCaptureContract;
import dev.crmkit.core.storage.Storage;

class InMemoryLeadCaptureTest extends LeadCaptureContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
