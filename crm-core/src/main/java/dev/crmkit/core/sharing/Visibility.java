package dev.crmkit.core.sharing;

import dev.crmkit.core.common.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Which records of one kind an actor sees, as a filter adapters push down: all of them, or those unassigned, owned by
 * one of {@code owners}, or shared with {@code viewer}.
 */
public record Visibility(boolean all, Set<UserId> owners, @Nullable UserId viewer) {
    private static final Visibility EVERYTHING = new Visibility(true, Set.of(), null);

    public Visibility {
        owners = Set.copyOf(owners);
        if (!all) {
            Objects.requireNonNull(viewer, "viewer");
        }
    }

    /** No filter: an ADMIN's, a public kind's, or work of CRMKit's own. */
    public static Visibility everything() {
        return EVERYTHING;
    }

    /**
     * Whether a record with {@code owner} and id {@code record} is seen; {@code shares} says whether a record is shared
     * with a user (asked only when owner and hierarchy do not decide).
     */
    public boolean sees(UUID record, @Nullable UserId owner, BiPredicate<UUID, UserId> shares) {
        return all || owner == null || owners.contains(owner) || shares.test(record, Objects.requireNonNull(viewer));
    }
}
