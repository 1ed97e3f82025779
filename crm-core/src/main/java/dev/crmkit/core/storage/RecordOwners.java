package dev.crmkit.core.storage;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.sharing.OwnedRecords;
import java.util.Optional;

/** The owners of shareable records, over the repositories of every capability: leads, for now. */
final class RecordOwners implements OwnedRecords {
    private final StorageTx tx;

    RecordOwners(StorageTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Owned> find(EntityId record) {
        if (record instanceof LeadId lead) {
            return tx.leads().find(lead).map(l -> new Owned("Lead", l.id(), l.owner()));
        }
        return Optional.empty();
    }
}
