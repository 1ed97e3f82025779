package dev.crmkit.core.memory;

import dev.crmkit.core.contract.CalendarContract;
import dev.crmkit.core.storage.Storage;

class InMemoryCalendarTest extends CalendarContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
