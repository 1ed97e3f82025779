package dev.crmkit.core.task;

import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for teams; lookups by manager and by member are index hits. Lists are ordered by name, then id. */
public interface TeamRepository extends Repository<TeamId, Team> {
    List<Team> findByManager(UserId manager);

    List<Team> findByMember(UserId member);

    @Override
    default String kind() {
        return "Team";
    }
}
