package dev.crmkit.core.sharing;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.context.CrmContext;
import org.jspecify.annotations.Nullable;

/** Who owns a record after an edit, and who may change that: the one rule of accounts and contacts. */
public final class Ownership {
    private Ownership() {
    }

    /**
     * The owner of a record of {@code kind} after an edit asking for {@code requested} (null: none named): a new record
     * ({@code existing} false) is the requested owner's or the caller's (unassigned when the system user creates it);
     * an existing one keeps {@code current} unless
     * another is named, and giving it from someone (or from no one to anyone but the caller) needs MANAGER
     * ({@code AccessDeniedException}).
     */
    public static @Nullable UserId afterEdit(CrmContext<?> ctx, boolean existing, @Nullable UserId current,
                                             @Nullable UserId requested, String kind) {
        if (!existing) {
            // as a lead: what CRMKit's own work (a web form, an import run as the system) creates is unassigned
            return requested != null ? requested : UserId.SYSTEM.equals(ctx.user()) ? null : ctx.user();
        }
        if (requested == null || requested.equals(current)) {
            return current; // an unassigned one stays unassigned
        }
        if (!(current == null && requested.equals(ctx.user()))) {
            ctx.actor().require(Actor.MANAGER, "give the " + kind + " to " + requested);
        }
        return requested;
    }
}
