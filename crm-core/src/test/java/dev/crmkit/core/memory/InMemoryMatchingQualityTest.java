package dev.crmkit.core.memory;

import dev.crmkit.core.contract.MatchingQualityContract;
import dev.crmkit.core.storage.Storage;

class InMemoryMatchingQualityTest extends MatchingQualityContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
