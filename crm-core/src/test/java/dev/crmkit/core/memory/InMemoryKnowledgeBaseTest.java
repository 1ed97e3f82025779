package dev.crmkit.core.memory;

import dev.crmkit.core.contract.KnowledgeBaseContract;
import dev.crmkit.core.storage.Storage;

class InMemoryKnowledgeBaseTest extends KnowledgeBaseContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
