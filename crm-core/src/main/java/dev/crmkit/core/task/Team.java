package dev.crmkit.core.task;

import dev.crmkit.core.common.TeamId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sales reps working under one manager. The manager may assign tasks to the members and sees their open tasks.
 * A user may belong to several teams; the manager is not a member unless listed.
 */
public record Team(TeamId id, long version, String name, UserId manager, Set<UserId> members, Instant createdAt,
                   Instant updatedAt) implements Versioned<TeamId, Team> {

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        members = members == null ? Set.of() : Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }

    /** A copy with {@code newMembers} and {@code newManager}. */
    public Team with(UserId newManager, Set<UserId> newMembers, Instant now) {
        return new Team(id, version, name, newManager, newMembers, createdAt, now);
    }

    @Override
    public Team withVersion(long newVersion) {
        return new Team(id, newVersion, name, manager, members, createdAt, updatedAt);
    }
}
