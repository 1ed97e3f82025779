package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reps who see and work one account, each with a role. Its id is the account's id: an account has one team
 * (possibly empty), stored apart from the account so team changes never conflict with account edits.
 */
public record AccountTeam(AccountId id, long version, List<TeamMember> members, Instant updatedAt)
        implements Versioned<AccountId, AccountTeam> {
    public AccountTeam {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Optional<TeamMember> member(UserId user) {
        return members.stream().filter(m -> m.user().equals(user)).findFirst();
    }

    /** This team with {@code user} in {@code role}: added at the end, or with the role replaced in place. */
    public AccountTeam with(UserId user, String role, Instant at) {
        List<TeamMember> m = new ArrayList<>(members.size() + 1);
        boolean replaced = false;
        for (TeamMember existing : members) {
            if (existing.user().equals(user)) {
                m.add(new TeamMember(user, role, existing.since()));
                replaced = true;
            } else {
                m.add(existing);
            }
        }
        if (!replaced) {
            m.add(new TeamMember(user, role, at));
        }
        return new AccountTeam(id, version, m, at);
    }

    public AccountTeam without(UserId user, Instant at) {
        return new AccountTeam(id, version, members.stream().filter(m -> !m.user().equals(user)).toList(), at);
    }

    @Override
    public AccountTeam withVersion(long newVersion) {
        return new AccountTeam(id, newVersion, members, updatedAt);
    }
}
