package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Events of the lead life cycle, published after the write that caused them committed. */
public sealed interface LeadEvent extends DomainEvent {

    /** A lead was captured (by hand, import or web form); spam leads are captured too, flagged. */
    record LeadCaptured(TenantId tenant, Instant occurredAt, Lead lead) implements LeadEvent {
    }

    /** A lead's details, score or tags changed without a status change. */
    record LeadUpdated(TenantId tenant, Instant occurredAt, Lead lead) implements LeadEvent {
    }

    record LeadStatusChanged(TenantId tenant, Instant occurredAt, Lead lead, LeadStatus from, LeadStatus to)
            implements LeadEvent {
    }

    /** A lead got a new owner ({@code previous} may be null). */
    record LeadAssigned(TenantId tenant, Instant occurredAt, Lead lead,
                        @Nullable UserId previous) implements LeadEvent {
    }

    /** {@code merged} was folded into {@code survivor} and is now MERGED. */
    record LeadsMerged(TenantId tenant, Instant occurredAt, Lead survivor, Lead merged) implements LeadEvent {
    }

    /** A qualified lead became a contact at an account (and, when asked, an opportunity). */
    record LeadConverted(TenantId tenant, Instant occurredAt, Lead lead, AccountId account, ContactId contact,
                         @Nullable OpportunityId opportunity) implements LeadEvent {
    }
}
