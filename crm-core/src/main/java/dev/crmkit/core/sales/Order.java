package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an accepted quote became. Immutable; status changes go through the {@link OrderStatus} state machine and
 * append to {@link #history()}.
 *
 * @param number              human-readable number, unique within the tenant, e.g. {@code O-3}; purchases
 *                            reference it
 * @param specialInstructions the customer's instructions for the whole order, from the accepted quote, or null;
 *                            each line keeps its own
 * @param purchases           the purchases recorded in customer tracking on delivery, one per line
 */
public record Order(
        OrderId id,
        long version,
        String number,
        QuoteId quote,
        OpportunityId opportunity,
        AccountId account,
        @Nullable ContactId contact,
        UserId owner,
        Currency currency,
        BigDecimal taxRate,
        List<LineItem> lines,
        @Nullable String specialInstructions,
        OrderStatus status,
        List<OrderStatusChange> history,
        List<PurchaseId> purchases,
        Instant createdAt,
        Instant updatedAt) implements Versioned<OrderId, Order> {

    /**
     * Checks each field and the rules tying them together: a DELIVERED order has recorded one purchase per line, no
     * other order has any; the tax rate is a percentage; time runs forward. A breach is an
     * {@code IllegalArgumentException} (a programming error or a corrupted row; no input reaches it).
     */
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
        purchases = purchases == null ? List.of() : List.copyOf(purchases);
        require(version >= 0 && !updatedAt.isBefore(createdAt), id, "its version or times are impossible");
        require(LineItem.isPercent(taxRate), id, "its tax rate is not a percentage");
        require(status == OrderStatus.DELIVERED ? purchases.size() == lines.size() : purchases.isEmpty(), id,
                "a delivered order records one purchase per line, and only a delivered one records any");
    }

    private static void require(boolean rule, OrderId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("order " + id + " breaks a rule: " + breach);
        }
    }

    public QuoteTotals totals() {
        return QuoteTotals.of(currency, lines, taxRate);
    }

    /**
     * The special instructions of the purchase that delivering {@code line} records: the line's own, then, after a
     * blank line, the whole order's headed {@code "For the whole order: "}; either alone as it is, null without any.
     * Both apply to what the customer bought, and customer tracking shows the purchase, not the order.
     */
    public @Nullable String purchaseInstructions(LineItem line) {
        String own = line.specialInstructions();
        if (own == null || specialInstructions == null) {
            return own == null ? specialInstructions : own;
        }
        return own + "\n\nFor the whole order: " + specialInstructions;
    }

    /**
     * Moves along the state machine, or {@link IllegalTransitionException}. Delivery records purchases, so it goes
     * through {@link #deliver}.
     */
    public Order moveTo(OrderStatus target, @Nullable String note, UserId by, Instant at) {
        if (target == OrderStatus.DELIVERED) {
            throw new IllegalArgumentException("an order is delivered by deliver(), with the purchases it recorded");
        }
        return moved(target, note, by, at, purchases);
    }

    /**
     * This order DELIVERED, with the purchases its delivery recorded (one per line), or
     * {@link IllegalTransitionException}.
     */
    public Order deliver(List<PurchaseId> recorded, UserId by, Instant at) {
        return moved(OrderStatus.DELIVERED, null, by, at, recorded);
    }

    private Order moved(OrderStatus target, @Nullable String note, UserId by, Instant at,
                        List<PurchaseId> withPurchases) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Order", status, target);
        }
        List<OrderStatusChange> h = new ArrayList<>(history);
        h.add(new OrderStatusChange(target, at, by, note));
        return new Order(id, version, number, quote, opportunity, account, contact, owner, currency, taxRate, lines,
                specialInstructions, target, h, withPurchases, createdAt, at);
    }

    @Override
    public Order withVersion(long newVersion) {
        return new Order(id, newVersion, number, quote, opportunity, account, contact, owner, currency, taxRate,
                lines, specialInstructions, status, history, purchases, createdAt, updatedAt);
    }
}
