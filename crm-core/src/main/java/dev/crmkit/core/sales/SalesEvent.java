package dev.crmkit.core.sales;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Events of the sales capability, published after the write that caused them committed. */
public sealed interface SalesEvent extends DomainEvent {

    /** An opportunity was created ({@code version} 1) or its details changed. */
    record OpportunitySaved(TenantId tenant, Instant occurredAt, Opportunity opportunity) implements SalesEvent {
    }

    /** An opportunity moved to another stage, was won, lost or reopened; see its last {@link StageChange}. */
    record OpportunityStageChanged(TenantId tenant, Instant occurredAt, Opportunity opportunity, String fromStage)
            implements SalesEvent {
    }

    record ProductSaved(TenantId tenant, Instant occurredAt, Product product) implements SalesEvent {
    }

    record PriceBookSaved(TenantId tenant, Instant occurredAt, PriceBook priceBook) implements SalesEvent {
    }

    /** A quote was created or changed; {@code change} is the entry appended to its history. */
    record QuoteChanged(TenantId tenant, Instant occurredAt, Quote quote, QuoteChange change) implements SalesEvent {
    }

    /** An order was placed ({@code from} null) or changed status. */
    record OrderStatusChanged(TenantId tenant, Instant occurredAt, Order order, @Nullable OrderStatus from)
            implements SalesEvent {
    }

    record AccountTeamChanged(TenantId tenant, Instant occurredAt, AccountTeam team) implements SalesEvent {
    }
}
