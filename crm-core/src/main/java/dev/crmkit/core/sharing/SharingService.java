package dev.crmkit.core.sharing;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import java.util.List;

/**
 * Shares records with users beyond what their owner and the team hierarchy give (leads, accounts, contacts,
 * opportunities, cases): a user a record is
 * shared with sees it in lists and searches and works on it as its owner does. A record the caller does not see is a
 * {@code NotFoundException}, as one that does not exist.
 */
public final class SharingService {
    private final CrmContext<? extends SharingTx> ctx;

    public SharingService(CrmContext<? extends SharingTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Shares {@code record} with {@code user}; false when it already was. Its owner, a MANAGER who sees it or an
     * ADMIN may; {@code user} must be a member or manager of a team of the tenant ({@code ValidationException} on
     * {@code user} otherwise: a user CRMKit does not know).
     */
    public boolean share(EntityId record, UserId user) {
        Validation.argument("record", record);
        Validation.argument("user", user);
        return ctx.write(tx -> {
            OwnedRecords.Owned owned = mayShare(tx, record);
            if (tx.teams().findByMember(user).isEmpty() && tx.teams().findByManager(user).isEmpty()) {
                throw new ValidationException("user", "is in no team of this tenant");
            }
            return tx.shares().add(new Share(owned.id().value(), user, ctx.user(), ctx.now()));
        });
    }

    /** Takes the share of {@code record} with {@code user} back; false when there was none. Who may share may. */
    public boolean unshare(EntityId record, UserId user) {
        Validation.argument("record", record);
        Validation.argument("user", user);
        return ctx.write(tx -> tx.shares().remove(mayShare(tx, record).id().value(), user));
    }

    /** The users {@code record} is shared with, oldest share first. */
    public List<Share> shares(EntityId record) {
        Validation.argument("record", record);
        return ctx.read(tx -> tx.shares().ofRecord(seen(tx, record).id().value()));
    }

    private OwnedRecords.Owned seen(SharingTx tx, EntityId record) {
        OwnedRecords.Owned owned = tx.ownedRecords().find(record).orElseThrow(() -> new NotFoundException(
                record.getClass().getSimpleName().replaceFirst("Id$", ""), record)); // as for a hidden one
        return Audience.visible(tx, Audience.of(ctx, tx, owned.kind()), owned, owned);
    }

    private OwnedRecords.Owned mayShare(SharingTx tx, EntityId record) {
        OwnedRecords.Owned owned = seen(tx, record);
        Actor actor = ctx.actor();
        if (!actor.user().equals(owned.owner()) && !actor.hasRole(Actor.MANAGER) && !actor.hasRole(Actor.ADMIN)) {
            throw new AccessDeniedException(actor.user() + " may share only the records they own");
        }
        return owned;
    }
}
