package dev.crmkit.core.sharing;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.task.Team;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who an actor sees records of: computed per read from the teams (one query per manager in the hierarchy), so a team
 * change applies to the next call.
 */
public final class Audience {
    private Audience() {
    }

    /** What the calling actor of {@code ctx} sees of records of {@code kind}, read in {@code tx}. */
    public static Visibility of(CrmContext<?> ctx, SharingTx tx, String kind) {
        Actor actor = ctx.actor();
        if (actor.hasRole(Actor.ADMIN) || actor.user().equals(UserId.SYSTEM)
                || ctx.setting(SharingSettings.class, SharingSettings::defaults).of(kind) == Access.PUBLIC) {
            return Visibility.everything();
        }
        return new Visibility(false, below(tx, actor.user()), actor.user());
    }

    /** {@code user} and everyone below them: the members of the teams they manage, and theirs, down the hierarchy. */
    static Set<UserId> below(SharingTx tx, UserId user) {
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

    /** Whether {@code visibility} sees record {@code id} of {@code owner}, asking {@code tx}'s shares if need be. */
    public static boolean sees(SharingTx tx, Visibility visibility, UUID id, @Nullable UserId owner) {
        return visibility.sees(id, owner, (r, u) -> tx.shares().isShared(r, u));
    }

    /**
     * The record, when {@code visibility} sees it; else a {@link NotFoundException} as for a record that does not
     * exist (a record one may not see is one one cannot tell exists).
     */
    public static <T> T visible(SharingTx tx, Visibility visibility, String kind, EntityId id,
                                @Nullable UserId owner, T record) {
        if (!sees(tx, visibility, id.value(), owner)) {
            throw new NotFoundException(kind, id); // as the repository says of a record that does not exist
        }
        return record;
    }
}
