package dev.crmkit.core.memory;

import dev.crmkit.core.contract.AccountTeamContract;
import dev.crmkit.core.storage.Storage;

class InMemoryAccountTeamTest extends AccountTeamContract {
    private final Storage storage = InMemoryStorage.create();

    @Override
    protected Storage storage() {
        return storage;
    }
}
