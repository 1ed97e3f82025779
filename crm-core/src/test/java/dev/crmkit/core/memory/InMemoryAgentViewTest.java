package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AgentViewContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAgentViewTest extends AgentViewContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
