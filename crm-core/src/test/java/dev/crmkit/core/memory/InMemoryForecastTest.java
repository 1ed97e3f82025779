package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ForecastContract;
import dev.crmkit.core.storage.Storage;

class InMemoryForecastTest extends ForecastContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
