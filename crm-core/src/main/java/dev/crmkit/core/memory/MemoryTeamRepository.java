package dev.crmkit.core.memory;

import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.task.TeamRepository;
import java.util.Comparator;
import java.util.List;

final class MemoryTeamRepository extends MemoryRepository<TeamId, Team> implements TeamRepository {
    private static final Comparator<Team> ORDER = Comparator.comparing(Team::name).thenComparing(Team::id);

    MemoryTeamRepository(MemoryTable<TeamId, Team> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Team> findByManager(UserId manager) {
        return lookup("manager", manager, ORDER);
    }

    @Override
    public List<Team> findByMember(UserId member) {
        return lookup("member", member, ORDER);
    }
}
