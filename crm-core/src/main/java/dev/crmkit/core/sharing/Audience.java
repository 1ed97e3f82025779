package dev.crmkit.core.sharing;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.task.Hierarchy;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who an actor sees records of: computed per read from the teams (one query per manager in the hierarchy), so a team
 * change applies to the next call.
 */
public final class Audience {
    /** The kinds whose records an account's team sees (an account's own, and those belonging to one). */
    private static final Set<String> OF_ACCOUNTS = Set.of("Account", "Contact", "Opportunity", "Order", "Case");

    private Audience() {
    }

    /** What the calling actor of {@code ctx} sees of records of {@code kind}, read in {@code tx}. */
    public static Visibility of(CrmContext<?> ctx, SharingTx tx, String kind) {
        Actor actor = ctx.actor();
        if (seesAll(ctx, kind)) {
            return Visibility.everything();
        }
        Set<UserId> below = Hierarchy.below(tx, actor.user());
        return new Visibility(false, below, actor.user(),
                OF_ACCOUNTS.contains(kind) ? tx.ownedRecords().accountsWorkedOnBy(below) : Set.of());
    }

    /** Whether the calling actor of {@code ctx} sees every record of {@code kind}, which needs no read to tell. */
    public static boolean seesAll(CrmContext<?> ctx, String kind) {
        Actor actor = ctx.actor();
        SharingSettings settings = ctx.setting(SharingSettings.class, SharingSettings::defaults);
        return actor.hasRole(Actor.ADMIN) || actor.user().equals(UserId.SYSTEM) || settings.of(kind) == Access.PUBLIC
                || settings.rolesSeeingAll(kind).stream().anyMatch(actor::hasRole);
    }

    /** Whether {@code visibility} sees record {@code id} of {@code owner}, of no account, asking the shares. */
    public static boolean sees(SharingTx tx, Visibility visibility, UUID id, @Nullable UserId owner) {
        return visibility.sees(id, owner, (r, u) -> tx.shares().isShared(r, u));
    }

    /** Whether {@code visibility} sees {@code record}, reading its account's owner when that decides. */
    public static boolean sees(SharingTx tx, Visibility visibility, OwnedRecords.Owned record) {
        if (visibility.all() || record.owner() != null && visibility.owners().contains(record.owner())) {
            return true; // the common case, before reading the account
        }
        AccountId account = record.account();
        UserId accountOwner = account == null || account.equals(record.id()) ? record.owner()
                : tx.ownedRecords().find(account).map(OwnedRecords.Owned::owner).orElse(null);
        return visibility.sees(record.id().value(), record.owner(), account == null ? null : account.value(),
                accountOwner, (r, u) -> tx.shares().isShared(r, u));
    }

    /**
     * The record, when {@code visibility} sees it; else a {@link NotFoundException} as for a record that does not
     * exist (a record one may not see is one one cannot tell exists).
     */
    public static <T> T visible(SharingTx tx, Visibility visibility, String kind, EntityId id,
                                @Nullable UserId owner, T record) {
        return visible(tx, visibility, new OwnedRecords.Owned(kind, id, owner), record);
    }

    /** As {@link #visible(SharingTx, Visibility, String, EntityId, UserId, Object)}, for a record of an account. */
    public static <T> T visible(SharingTx tx, Visibility visibility, OwnedRecords.Owned owned, T record) {
        if (!sees(tx, visibility, owned)) {
            throw new NotFoundException(owned.kind(), owned.id()); // as the repository says of a missing record
        }
        return record;
    }

    /**
     * Throws the {@code NotFoundException} of a missing record when {@code record} (a lead, contact, account,
     * opportunity or case) exists and the actor of {@code ctx} does not see it; what a service taking another
     * capability's record by id checks first.
     */
    public static void requireSeen(CrmContext<?> ctx, SharingTx tx, EntityId record) {
        tx.ownedRecords().find(record).ifPresent(o -> visible(tx, of(ctx, tx, o.kind()), o, o));
    }

    /** Whether the actor of {@code ctx} sees {@code record}; true for one that does not exist or cannot be hidden. */
    public static boolean seen(CrmContext<?> ctx, SharingTx tx, EntityId record) {
        return tx.ownedRecords().find(record).map(o -> sees(tx, of(ctx, tx, o.kind()), o)).orElse(true);
    }

    /** {@code records} without those {@code ctx}'s actor does not see, in their order. */
    public static <T> List<T> seen(CrmContext<?> ctx, SharingTx tx, String kind, List<T> records,
                                   Function<T, OwnedRecords.Owned> owned) {
        Visibility visibility = of(ctx, tx, kind);
        return visibility.all() ? records : records.stream().filter(r -> sees(tx, visibility, owned.apply(r)))
                .toList();
    }
}
