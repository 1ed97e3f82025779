package dev.crmkit.core.memory;

import dev.crmkit.core.contract.TextLimitsContract;
import dev.crmkit.core.storage.Storage;

class InMemoryTextLimitsTest extends TextLimitsContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
