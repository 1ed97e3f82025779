package dev.crmkit.core.memory;

import dev.crmkit.core.contract.HostileInputContract;
import dev.crmkit.core.storage.Storage;

class InMemoryHostileInputTest extends HostileInputContract {
    private static final Storage STORAGE = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return STORAGE;
    }
}
