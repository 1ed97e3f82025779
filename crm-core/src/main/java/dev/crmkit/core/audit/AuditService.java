package dev.crmkit.core.audit;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the audit trail: what was changed on a record, and what an actor changed. Every write through the services
 * appends to it in its own transaction ({@link AuditTrail}); nothing here changes an entry, and entries go only when
 * the retention of {@link AuditSettings} has passed. Needs the ADMIN role: the trail shows every owner's records.
 */
public final class AuditService {
    private final CrmContext<? extends AuditTx> ctx;
    private final AuditSettings settings;

    public AuditService(CrmContext<? extends AuditTx> ctx) {
        this.ctx = ctx;
        this.settings = ctx.setting(AuditSettings.class, AuditSettings::defaults);
    }

    /** The writes of record {@code record} (any aggregate's id), oldest first. */
    public Page<AuditEntry> history(EntityId record, PageRequest page) {
        Validation.argument("record", record);
        Validation.argument("page", page);
        ctx.actor().require(Actor.ADMIN, "read the audit trail");
        return ctx.read(tx -> tx.audit().forRecord(record.value(), page));
    }

    /** The writes {@code actor} made at or after {@code from} and before {@code to}, oldest first. */
    public Page<AuditEntry> byActor(UserId actor, Instant from, Instant to, PageRequest page) {
        Validation.argument("actor", actor);
        Validation.argument("from", from);
        Validation.argument("to", to);
        Validation.argument("page", page);
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        ctx.actor().require(Actor.ADMIN, "read the audit trail");
        return ctx.read(tx -> tx.audit().byActor(actor, from, to, page));
    }

    /**
     * Deletes the entries older than the configured retention, for the host's schedule to call (say nightly); how
     * many. Nothing when entries are kept for ever.
     */
    public long deleteExpired() {
        ctx.actor().require(Actor.ADMIN, "delete expired audit entries");
        Duration retention = settings.retention();
        if (retention == null) {
            return 0;
        }
        Instant cutoff = ctx.now().minus(retention);
        return ctx.write(tx -> tx.audit().deleteBefore(cutoff));
    }
}
