package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever sequence of operations is attempted, opportunities, quotes and orders only take allowed steps: an illegal
 * one throws {@link IllegalTransitionException} and changes nothing, and every state reached is consistent.
 */
class StatusMachineProperties {
    private static final UserId REP = UserId.of("rep");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);
    private static final SalesStages STAGES = SalesStages.defaults();

    // ---- opportunities: ops 0-4 move to an open stage, 5 win, 6 lose, 7 reopen, 8 override the probability ----

    @Property(tries = 500)
    void opportunitiesNeverReachAnIllegalState(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 8) Integer> ops) {
        SalesStage first = STAGES.first();
        Opportunity o = new Opportunity(OpportunityId.of(UUID.randomUUID()), 0, AccountId.of(UUID.randomUUID()),
                null, "D", Money.of("100.00", "EUR"), TODAY, REP, first.name(), first.probability(),
                first.category(), OpportunityStatus.OPEN, null, null,
                List.of(new StageChange(first.name(), OpportunityStatus.OPEN, first.probability(), first.category(),
                        Instant.EPOCH, REP, null)), Instant.EPOCH, Instant.EPOCH);
        int step = 0;
        for (int op : ops) {
            Instant at = Instant.EPOCH.plusSeconds(++step);
            Opportunity before = o;
            OpportunityStatus target = op < 5 || op >= 7 ? OpportunityStatus.OPEN
                    : op == 5 ? OpportunityStatus.WON : OpportunityStatus.LOST;
            boolean legal = op < 5 || op == 8 ? before.isOpen() : before.status().canMoveTo(target);
            if (legal) {
                o = apply(before, op, at);
                assertThat(o.history()).hasSize(before.history().size() + 1);
                assertThat(o.status()).isEqualTo(target);
            } else {
                assertThatThrownBy(() -> apply(before, op, at)).isInstanceOf(IllegalTransitionException.class);
            }
            assertConsistent(o);
        }
        assertThat(o.history().get(0).status()).isEqualTo(OpportunityStatus.OPEN);
        for (int i = 1; i < o.history().size(); i++) {
            OpportunityStatus from = o.history().get(i - 1).status();
            OpportunityStatus to = o.history().get(i).status();
            assertThat(from == to ? from == OpportunityStatus.OPEN : from.canMoveTo(to)).isTrue();
        }
    }

    private static Opportunity apply(Opportunity o, int op, Instant at) {
        return switch (op) {
            case 5 -> o.closeWon("reason", TODAY, REP, at);
            case 6 -> o.closeLost("reason", TODAY, REP, at);
            case 7 -> o.reopen(STAGES.first(), TODAY, REP, at);
            case 8 -> o.withProbability(33, REP, at);
            default -> o.moveTo(STAGES.open().get(op), REP, at);
        };
    }

    private static void assertConsistent(Opportunity o) {
        StageChange last = o.history().get(o.history().size() - 1);
        assertThat(last.stage()).isEqualTo(o.stage());
        assertThat(last.status()).isEqualTo(o.status());
        assertThat(last.probability()).isEqualTo(o.probability());
        switch (o.status()) {
            case OPEN -> {
                SalesStage s = STAGES.find(o.stage()).orElseThrow();
                assertThat(o.probability()).isIn(s.probability(), 33);
                assertThat(o.category()).isEqualTo(s.category()).matches(ForecastCategory::isOpen);
                assertThat(o.closeReason()).isNull();
            }
            case WON -> {
                assertThat(o.stage()).isEqualTo(SalesStages.WON.name());
                assertThat(o.probability()).isEqualTo(100);
                assertThat(o.category()).isEqualTo(ForecastCategory.CLOSED);
                assertThat(o.closeReason()).isNotNull();
            }
            case LOST -> {
                assertThat(o.stage()).isEqualTo(SalesStages.LOST.name());
                assertThat(o.probability()).isZero();
                assertThat(o.category()).isEqualTo(ForecastCategory.OMITTED);
                assertThat(o.closeReason()).isNotNull();
            }
        }
    }

    // ---- orders ----

    @Property(tries = 500)
    void ordersOnlyMoveAlongTheMachine(@ForAll @Size(max = 20) List<OrderStatus> targets) {
        Order o = new Order(OrderId.of(UUID.randomUUID()), 0, "O-1", null, null, AccountId.of(UUID.randomUUID()),
                null, REP, Currency.getInstance("EUR"), BigDecimal.ZERO, List.of(), null, OrderStatus.PLACED,
                List.of(new OrderStatusChange(OrderStatus.PLACED, Instant.EPOCH, REP, null)), List.of(),
                Instant.EPOCH, Instant.EPOCH);
        for (OrderStatus target : targets) {
            Order before = o;
            // delivery records the purchases (none: this order has no lines), so it is a move of its own
            if (before.status().canMoveTo(target)) {
                o = move(before, target);
                assertThat(o.status()).isEqualTo(target);
            } else {
                assertThatThrownBy(() -> move(before, target)).isInstanceOf(IllegalTransitionException.class);
            }
        }
        List<OrderStatus> path = o.history().stream().map(OrderStatusChange::status).toList();
        assertThat(path.get(0)).isEqualTo(OrderStatus.PLACED);
        assertThat(path.get(path.size() - 1)).isEqualTo(o.status());
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.get(i - 1).canMoveTo(path.get(i))).isTrue();
        }
        if (path.contains(OrderStatus.DELIVERED)) {
            assertThat(path).containsSubsequence(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED)
                    .doesNotContain(OrderStatus.CANCELLED);
        }
    }

    private static Order move(Order o, OrderStatus target) {
        return target == OrderStatus.DELIVERED ? o.deliver(List.of(), REP, Instant.EPOCH)
                : o.moveTo(target, null, REP, Instant.EPOCH);
    }

    // ---- quotes ----

    @Property(tries = 500)
    void aQuoteNeedingApprovalIsNeverSentUnapproved(@ForAll boolean approvalRequired,
                                                    @ForAll @Size(max = 20) List<QuoteStatus> targets) {
        LineItem line = new LineItem(ProductId.of(UUID.randomUUID()), "P", "P", 1, Money.of("10.00", "EUR"),
                approvalRequired ? new BigDecimal("50") : BigDecimal.ZERO);
        Quote q = new Quote(QuoteId.of(UUID.randomUUID()), 0, "Q-1", 1, OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), null,
                new Pricing(Currency.getInstance("EUR"), BigDecimal.ZERO, List.of(line)),
                new Approval(approvalRequired, null), QuoteStatus.DRAFT, QuoteTerms.NONE, null, List.of(), REP,
                Instant.EPOCH, Instant.EPOCH);
        for (QuoteStatus target : targets) {
            Quote before = q;
            boolean legal = before.status().canMoveTo(target) && !(approvalRequired
                    && before.status() == QuoteStatus.DRAFT && target == QuoteStatus.SENT);
            if (legal) {
                q = move(before, target);
            } else {
                assertThatThrownBy(() -> move(before, target)).isInstanceOf(IllegalTransitionException.class);
            }
        }
        QuoteStatus previous = QuoteStatus.DRAFT;
        for (QuoteChange c : q.history()) {
            assertThat(previous.canMoveTo(c.status())).isTrue();
            if (approvalRequired && c.status() == QuoteStatus.SENT) {
                assertThat(previous).isEqualTo(QuoteStatus.APPROVED);
            }
            previous = c.status();
        }
        assertThat(previous).isEqualTo(q.status());
        assertThat(q.order() != null).isEqualTo(q.status() == QuoteStatus.ACCEPTED);
    }

    /** Acceptance names the order the quote became, so it is a move of its own. */
    private static Quote move(Quote q, QuoteStatus target) {
        return target == QuoteStatus.ACCEPTED ? q.accept(OrderId.of(UUID.randomUUID()), REP, Instant.EPOCH)
                : q.moveTo(target, QuoteAction.REVISED, null, null, REP, Instant.EPOCH);
    }
}
