package dev.crmkit.core.task;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.task.TaskEvent.TeamSaved;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Teams of reps under a manager. They decide who may assign tasks to whom (see {@link TaskService}). A manager
 * ({@link Actor#MANAGER}) creates teams they lead; an administrator may create and change any team.
 */
public final class TeamService {
    private final CrmContext<? extends TaskTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public TeamService(CrmContext<? extends TaskTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a team led by {@code manager}. The actor needs the MANAGER role and must be that manager, or be an
     * administrator; a blank name or missing manager is a ValidationException.
     */
    public TeamId create(String name, UserId manager, Set<UserId> members) {
        Validation v = new Validation();
        String n = v.requireText("name", name);
        v.maxLength("name", n, TaskLimits.TEAM_NAME);
        v.require("manager", manager);
        v.check(members == null || members.stream().allMatch(Objects::nonNull), "members", "must not contain null");
        v.throwIfInvalid();
        Actor actor = ctx.actor();
        if (!actor.hasRole(Actor.ADMIN)) {
            actor.require(Actor.MANAGER, "create a team");
            if (!manager.equals(actor.user())) {
                throw new AccessDeniedException(actor.user() + " may only create teams they manage");
            }
        }
        return ctx.write(tx -> {
            Team saved = tx.teams().save(new Team(TeamId.of(ctx.newId()), 0, Validation.checked(n), manager, members,
                    ctx.now(), ctx.now()));
            ctx.raise(new TeamSaved(actor.tenant(), ctx.now(), saved));
            return saved.id();
        });
    }

    /**
     * Adds {@code member}; only the team's manager or an administrator may. Adding a member twice changes nothing. Pass
     * the team you read to refuse a stale change.
     */
    public Team addMember(Ref<TeamId> team, UserId member) {
        Validation.argument("member", member);
        return change(team, t -> {
            Set<UserId> members = new HashSet<>(t.members());
            members.add(member);
            return members;
        }, null);
    }

    /** Removes {@code member}; their tasks stay assigned to them. Pass the team you read to refuse a stale change. */
    public Team removeMember(Ref<TeamId> team, UserId member) {
        Validation.argument("member", member);
        return change(team, t -> {
            Set<UserId> members = new HashSet<>(t.members());
            members.remove(member);
            return members;
        }, null);
    }

    /**
     * Hands the team to another manager; only the current manager or an administrator may. Pass the team you read to
     * refuse a stale change.
     */
    public Team changeManager(Ref<TeamId> team, UserId manager) {
        Validation.argument("manager", manager);
        return change(team, Team::members, manager);
    }

    private Team change(Ref<TeamId> id, Function<Team, Set<UserId>> members, @Nullable UserId newManager) {
        Objects.requireNonNull(id, "team");
        return ctx.write(tx -> {
            Team t = tx.teams().current(id);
            requireManagerOf(t);
            Set<UserId> m = members.apply(t);
            UserId manager = newManager == null ? t.manager() : newManager;
            if (m.equals(t.members()) && manager.equals(t.manager())) {
                return t;
            }
            Team saved = tx.teams().save(t.with(manager, m, ctx.now()));
            ctx.raise(new TeamSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    private void requireManagerOf(Team t) {
        Actor actor = ctx.actor();
        if (!actor.hasRole(Actor.ADMIN) && !t.manager().equals(actor.user())) {
            throw new AccessDeniedException(actor.user() + " does not manage team '" + t.name() + "'");
        }
    }

    /** The team, or {@code NotFoundException}. */
    public Team get(TeamId id) {
        return ctx.read(tx -> tx.teams().get(id));
    }

    /** Teams {@code manager} leads, by name. */
    public List<Team> managedBy(UserId manager) {
        return ctx.read(tx -> tx.teams().findByManager(manager));
    }

    /** Teams {@code member} belongs to, by name. */
    public List<Team> teamsOf(UserId member) {
        return ctx.read(tx -> tx.teams().findByMember(member));
    }
}
