package dev.crmkit.jpa;

import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.Team;
import dev.crmkit.core.task.TeamRepository;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

final class JpaTeamRepository extends JpaRepository<TeamId, Team, TeamEntity> implements TeamRepository {
    private static final String MEMBERS = "TeamMemberRow";
    private static final Comparator<Team> ORDER = Comparator.comparing(Team::name).thenComparing(Team::id);

    JpaTeamRepository(JpaTx tx) {
        super(tx, TeamEntity.class);
    }

    @Override
    TeamEntity toRow(Team t) {
        TeamEntity r = new TeamEntity();
        r.name = t.name();
        r.managerId = t.manager().value();
        r.members = JsonColumns.strings(userIds(t));
        r.createdAt = t.createdAt();
        r.updatedAt = t.updatedAt();
        return r;
    }

    @Override
    Team toDomain(TeamEntity r) {
        return new Team(TeamId.of(r.id), r.version, r.name, UserId.of(r.managerId),
                JsonColumns.stringSet(r.members).stream().map(UserId::of).collect(Collectors.toSet()), r.createdAt,
                r.updatedAt);
    }

    @Override
    void afterSave(Team team, boolean inserted) {
        KeyTables.replace(tx, MEMBERS, team.id().value(), userIds(team), inserted, TeamMemberRow::new);
    }

    private static List<String> userIds(Team t) {
        return t.members().stream().map(UserId::value).toList();
    }

    @Override
    public List<Team> findByManager(UserId manager) {
        return TaskMapping.sorted(lookup("managerId", manager.value(), "r.name"), ORDER);
    }

    @Override
    public List<Team> findByMember(UserId member) {
        return TaskMapping.sorted(list(new Filter(tx.tenantId()).and(KeyTables.has(MEMBERS, "member"),
                "member", member.value()), "r.name"), ORDER);
    }
}
