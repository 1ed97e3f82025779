package dev.crmkit.core.memory;

import dev.crmkit.core.contract.PersonalDataContract;
import dev.crmkit.core.storage.Storage;

class InMemoryPersonalDataTest extends PersonalDataContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
