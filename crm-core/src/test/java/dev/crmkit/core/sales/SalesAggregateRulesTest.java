package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.testkit.Samples;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opportunities, quotes and orders that break their own rules cannot be built. */
class SalesAggregateRulesTest {
    private static final UserId REP = UserId.of("rep");
    private final Opportunity open = Samples.opportunity(OpportunityId.of(UUID.randomUUID()),
            AccountId.of(UUID.randomUUID()), null, REP);

    @Test
    void anOpenOpportunityHasNoCloseReasonAndAClosedOneSitsAtItsClosingStage() {
        assertThatThrownBy(() -> new Opportunity(open.id(), 0, open.account(), null, "D", open.amount(),
                open.closeDate(), REP, "Proposal", 50, ForecastCategory.BEST_CASE, OpportunityStatus.OPEN,
                "budget approved", null, List.of(), open.createdAt(), open.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close reason");
        assertThatThrownBy(() -> new Opportunity(open.id(), 0, open.account(), null, "D", open.amount(),
                open.closeDate(), REP, "Proposal", 50, ForecastCategory.BEST_CASE, OpportunityStatus.WON, "won",
                null, List.of(), open.createdAt(), open.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Closed Won");
        assertThatThrownBy(() -> new Opportunity(open.id(), 0, open.account(), null, "D", open.amount(),
                open.closeDate(), REP, "Proposal", 150, ForecastCategory.BEST_CASE, OpportunityStatus.OPEN, null,
                null, List.of(), open.createdAt(), open.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percentage");
    }

    @Test
    void onlyADeliveredOrderRecordsPurchasesAndDeliveryIsItsOwnMove() {
        Order delivered = Samples.order(OrderId.of(UUID.randomUUID()), "O-1", null, open.id(), open.account(), null,
                ProductId.of(UUID.randomUUID()));
        assertThatThrownBy(() -> new Order(delivered.id(), 0, "O-1", null, null, delivered.account(), null, REP,
                delivered.currency(), delivered.taxRate(), delivered.lines(), null, OrderStatus.SHIPPED, List.of(),
                List.of(PurchaseId.of(UUID.randomUUID())), delivered.createdAt(), delivered.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purchase");
        Order shipped = new Order(delivered.id(), 0, "O-1", null, null, delivered.account(), null, REP,
                delivered.currency(), delivered.taxRate(), delivered.lines(), null, OrderStatus.SHIPPED, List.of(),
                List.of(), delivered.createdAt(), delivered.updatedAt());
        assertThatThrownBy(() -> shipped.moveTo(OrderStatus.DELIVERED, null, REP, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shipped.deliver(List.of(), REP, Instant.now()))
                .as("one purchase per line").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyAnAcceptedQuoteNamesItsOrder() {
        Quote accepted = Samples.quote(QuoteId.of(UUID.randomUUID()), "Q-1", open.id(), open.account(),
                ContactId.of(UUID.randomUUID()), ProductId.of(UUID.randomUUID()));
        assertThatThrownBy(() -> new Quote(accepted.id(), 0, "Q-1", 1, open.id(), open.account(), null,
                accepted.pricing(), Approval.NOT_NEEDED, QuoteStatus.SENT, QuoteTerms.NONE,
                OrderId.of(UUID.randomUUID()), List.of(), REP, accepted.createdAt(), accepted.updatedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> new Quote(accepted.id(), 0, "Q-1", 1, open.id(), open.account(), null,
                accepted.pricing(), new Approval(true, null), QuoteStatus.SENT, QuoteTerms.NONE, null, List.of(), REP,
                accepted.createdAt(), accepted.updatedAt()))
                .as("sent while needing approval, unapproved").isInstanceOf(IllegalArgumentException.class);
    }
}
