package dev.crmkit.reporting;

import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.reporting.contract.HostileReportContract;

class InMemoryHostileReportTest extends HostileReportContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected ReportExecutor executor() {
        return new InMemoryReportExecutor();
    }
}
