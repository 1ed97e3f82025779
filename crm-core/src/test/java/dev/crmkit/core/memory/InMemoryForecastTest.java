package dev.crmkit.core.memory;

import dev.crmkit.core.contract.ForecastContract;
import dev.crmkit.core.spi.Storage;

class InMemoryForecastTest extends ForecastContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
