package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ProductCatalogContract;
import dev.crmkit.core.storage.Storage;

class InMemoryProductCatalogTest extends ProductCatalogContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
