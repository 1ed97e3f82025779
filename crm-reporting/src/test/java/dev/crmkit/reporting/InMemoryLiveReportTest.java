package dev.crmkit.reporting;

import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;

class InMemoryLiveReportTest extends LiveReportContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
