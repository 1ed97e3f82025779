package dev.crmkit.core.memory;

import dev.crmkit.core.contract.WebhookContract;
import dev.crmkit.core.storage.Storage;

class InMemoryWebhookTest extends WebhookContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
