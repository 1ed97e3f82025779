package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AmountContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAmountTest extends AmountContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
