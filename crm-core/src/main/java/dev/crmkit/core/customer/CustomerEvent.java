package dev.crmkit.core.customer;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import java.util.List;

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

    /**
     * A person was erased (a data-subject request or a retention rule): these leads and contacts and what named them
     * are gone. Subscribers holding copies erase theirs; the event names nothing but the ids.
     */
    record PersonErased(TenantId tenant, Instant occurredAt, List<LeadId> leads, List<ContactId> contacts)
            implements CustomerEvent {
        public PersonErased {
            leads = List.copyOf(leads);
            contacts = List.copyOf(contacts);
        }
    }
}
