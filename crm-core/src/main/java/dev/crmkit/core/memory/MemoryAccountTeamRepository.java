package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.AccountTeamRepository;
import java.util.Comparator;
import java.util.List;

final class MemoryAccountTeamRepository extends MemoryRepository<AccountId, AccountTeam>
        implements AccountTeamRepository {
    private static final Comparator<AccountTeam> ORDER = Comparator.comparing(AccountTeam::id);

    MemoryAccountTeamRepository(MemoryTable<AccountId, AccountTeam> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<AccountTeam> findByMember(UserId user) {
        return lookup("member", user, ORDER);
    }
}
