package dev.crmkit.reporting;

import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.reporting.contract.ReportVisibilityContract;

class InMemoryReportVisibilityTest extends ReportVisibilityContract {
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
