package dev.crmkit.core.storage;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sharing.OwnedRecords;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The owners of shareable records, over the repositories of every capability. */
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
        if (record instanceof AccountId account) {
            return tx.accounts().find(account).map(a -> new Owned("Account", a.id(), a.owner(), a.id()));
        }
        if (record instanceof ContactId contact) {
            return tx.contacts().find(contact).map(c -> new Owned("Contact", c.id(), c.owner(), c.account()));
        }
        if (record instanceof OpportunityId opportunity) {
            return tx.opportunities().find(opportunity)
                    .map(o -> new Owned("Opportunity", o.id(), o.owner(), o.account()));
        }
        if (record instanceof CaseId c) {
            return tx.cases().find(c).map(k -> new Owned("Case", k.id(), k.owner(), k.regarding().account()));
        }
        return Optional.empty();
    }

    @Override
    public Set<UUID> accountsWorkedOnBy(Collection<UserId> users) {
        Set<UUID> accounts = new HashSet<>();
        for (UserId user : users) {
            for (AccountTeam team : tx.accountTeams().findByMember(user)) {
                accounts.add(team.id().value());
            }
        }
        return accounts;
    }
}
