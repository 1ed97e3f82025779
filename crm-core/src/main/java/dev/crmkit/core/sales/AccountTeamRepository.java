package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for account teams, keyed by account. */
public interface AccountTeamRepository extends Repository<AccountId, AccountTeam> {
    /** The teams {@code user} is a member of, ordered by account id. */
    List<AccountTeam> findByMember(UserId user);

    @Override
    default String kind() {
        return "AccountTeam";
    }
}
