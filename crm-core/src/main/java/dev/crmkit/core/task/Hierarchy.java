package dev.crmkit.core.task;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.UserId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The management hierarchy the teams form: a manager is above the members of the teams they manage, and above
 * everyone those members are above. Computed per call (one team query per manager on the way down), so a team change
 * applies to the next one.
 */
public final class Hierarchy {
    private Hierarchy() {
    }

    /** {@code user} and everyone below them. */
    public static Set<UserId> below(TaskTx tx, UserId user) {
        Set<UserId> seen = new LinkedHashSet<>();
        Deque<UserId> todo = new ArrayDeque<>();
        todo.push(user);
        while (!todo.isEmpty()) {
            UserId next = todo.pop();
            if (seen.add(next)) {
                for (Team team : tx.teams().findByManager(next)) {
                    team.members().forEach(todo::push);
                }
            }
        }
        return seen;
    }

    /**
     * Whether {@code actor} sees the work of {@code people} (a task's assignee and creator, an event's organizer and
     * attendees): one of them is the actor or below them; ADMINs and CRMKit's own work see everything.
     */
    static boolean sees(TaskTx tx, Actor actor, Set<UserId> people) {
        if (actor.hasRole(Actor.ADMIN) || actor.user().equals(UserId.SYSTEM) || people.contains(actor.user())) {
            return true;
        }
        Set<UserId> below = below(tx, actor.user());
        return people.stream().anyMatch(below::contains);
    }
}
