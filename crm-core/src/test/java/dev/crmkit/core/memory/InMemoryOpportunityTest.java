package dev.crmkit.core.memory;

import dev.crmkit.core.contract.OpportunityContract;
import dev.crmkit.core.storage.Storage;

class InMemoryOpportunityTest extends OpportunityContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
