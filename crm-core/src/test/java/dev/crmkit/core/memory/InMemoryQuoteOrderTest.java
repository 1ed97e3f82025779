package dev.crmkit.core.memory;

import dev.crmkit.core.contract.QuoteOrderContract;
import dev.crmkit.core.storage.Storage;

class InMemoryQuoteOrderTest extends QuoteOrderContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
