package dev.crmkit.core.customer;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;

/** Events of accounts, contacts and customer tracking, published after the write that caused them committed. */
public sealed interface CustomerEvent extends DomainEvent {

    /** An account was created ({@code version} 1) or changed. */
    record AccountSaved(TenantId tenant, Instant occurredAt, Account account) implements CustomerEvent {
    }

    /** A contact was created ({@code version} 1) or changed. */
    record ContactSaved(TenantId tenant, Instant occurredAt, Contact contact) implements CustomerEvent {
    }

    record PurchaseRecorded(TenantId tenant, Instant occurredAt, Purchase purchase) implements CustomerEvent {
    }

    record FeedbackRecorded(TenantId tenant, Instant occurredAt, Feedback feedback) implements CustomerEvent {
    }

    /** The account made its first purchase: it moved from PROSPECT to CUSTOMER. */
    record AccountBecameCustomer(TenantId tenant, Instant occurredAt, Account account) implements CustomerEvent {
    }

    /** The contact made their first purchase: they moved from PROSPECT to CUSTOMER. */
    record ContactBecameCustomer(TenantId tenant, Instant occurredAt, Contact contact) implements CustomerEvent {
    }
}
