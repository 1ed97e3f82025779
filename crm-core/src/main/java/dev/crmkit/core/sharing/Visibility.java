package dev.crmkit.core.sharing;

import dev.crmkit.core.common.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Which records of one kind an actor sees, as a filter adapters push down: all of them, or those owned by one of
 * {@code owners}, shared with {@code viewer}, or belonging to an account seen. An account is seen when unassigned,
 * owned by one of {@code owners}, shared with {@code viewer}, or one of {@code accounts} (those whose account team
 * has one of {@code owners}). A record of no account (a lead, a contact of none) is seen when unassigned.
 */
public record Visibility(boolean all, Set<UserId> owners, @Nullable UserId viewer, Set<UUID> accounts) {
    private static final Visibility EVERYTHING = new Visibility(true, Set.of(), null, Set.of());

    public Visibility {
        owners = Set.copyOf(owners);
        accounts = Set.copyOf(accounts);
        if (!all) {
            Objects.requireNonNull(viewer, "viewer");
        }
    }

    /** No filter: an ADMIN's, a public kind's, or work of CRMKit's own. */
    public static Visibility everything() {
        return EVERYTHING;
    }

    /**
     * Whether a record of no account with {@code owner} and id {@code record} is seen; {@code shares} says whether a
     * record is shared with a user (asked only when owner and hierarchy do not decide).
     */
    public boolean sees(UUID record, @Nullable UserId owner, BiPredicate<UUID, UserId> shares) {
        return sees(record, owner, null, null, shares);
    }

    /**
     * Whether record {@code record} with {@code owner}, of {@code account} (null: none) owned by
     * {@code accountOwner}, is seen. For an account itself, {@code account} is its own id.
     */
    public boolean sees(UUID record, @Nullable UserId owner, @Nullable UUID account, @Nullable UserId accountOwner,
                        BiPredicate<UUID, UserId> shares) {
        if (all || owner != null && owners.contains(owner) || shares.test(record, Objects.requireNonNull(viewer))) {
            return true;
        }
        if (account == null) {
            return owner == null;
        }
        return accountOwner == null || owners.contains(accountOwner) || accounts.contains(account)
                || !account.equals(record) && shares.test(account, viewer);
    }
}
