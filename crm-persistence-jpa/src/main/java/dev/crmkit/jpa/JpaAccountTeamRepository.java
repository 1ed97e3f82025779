package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.AccountTeamRepository;
import dev.crmkit.core.sales.TeamMember;
import java.util.List;

final class JpaAccountTeamRepository extends JpaRepository<AccountId, AccountTeam, AccountTeamEntity>
        implements AccountTeamRepository {
    private static final String MEMBERS = "AccountTeamMemberRow";

    JpaAccountTeamRepository(JpaTx tx) {
        super(tx, AccountTeamEntity.class);
    }

    @Override
    AccountTeamEntity toRow(AccountTeam team) {
        return SalesMapper.toRow(team);
    }

    @Override
    AccountTeam toDomain(AccountTeamEntity row) {
        return SalesMapper.toAccountTeam(row);
    }

    @Override
    void afterSave(AccountTeam team, boolean inserted) {
        KeyTables.replace(tx, MEMBERS, team.id().value(),
                team.members().stream().map(m -> m.user().value()).distinct().toList(), inserted,
                AccountTeamMemberRow::new);
    }

    @Override
    public List<AccountTeam> findByMember(UserId user) {
        return list(new Filter(tx.tenantId())
                .and(KeyTables.has(MEMBERS, "member"), "member", user.value()), "r.id");
    }
}
